#include "search_repository.hpp"

#include <algorithm>

namespace manmulsang::search {
namespace {

constexpr std::string_view kFindDocument =
    "SELECT product_id, category_id, seller_id, price_amount, in_stock, rating_average, popularity, created_at, "
    "name_terms, description_terms FROM search_documents WHERE product_id = $1";
constexpr std::string_view kDocumentsWithTerm =
    "SELECT d.product_id, d.category_id, d.seller_id, d.price_amount, d.in_stock, d.rating_average, d.popularity, "
    "d.created_at, d.name_terms, d.description_terms FROM search_postings p "
    "JOIN search_documents d ON d.product_id = p.product_id WHERE p.term = $1 ORDER BY p.product_id";
constexpr std::string_view kDocumentsAfter =
    "SELECT product_id, category_id, seller_id, price_amount, in_stock, rating_average, popularity, created_at, "
    "name_terms, description_terms FROM search_documents WHERE product_id > $1 ORDER BY product_id LIMIT $2";
constexpr std::string_view kPostingsAfter =
    "SELECT term, product_id, name_frequency, description_frequency FROM search_postings "
    "WHERE (term, product_id) > ($1, $2) ORDER BY term, product_id LIMIT $3";
constexpr std::string_view kInsertDocument =
    "INSERT INTO search_documents (product_id, category_id, seller_id, price_amount, in_stock, rating_average, "
    "popularity, created_at, name_terms, description_terms, terms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11)";
constexpr std::string_view kDeleteDocument = "DELETE FROM search_documents WHERE product_id = $1";
constexpr std::string_view kInsertPosting =
    "INSERT INTO search_postings (term, product_id, name_frequency, description_frequency) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kDocumentTerms = "SELECT terms FROM search_documents WHERE product_id = $1";
constexpr std::string_view kPostingOf =
    "SELECT name_frequency, description_frequency FROM search_postings WHERE term = $1 AND product_id = $2";
// transaction_id is filled in by the column's default: the writing transaction's id on PostgreSQL,
// 0 on SQLite (migrations/*/0004_search_changes_in_commit_order.sql).
constexpr std::string_view kRecordChange =
    "INSERT INTO search_changes (product_id, removed_terms) VALUES ($1, $2) RETURNING sequence";
// SQLite: one writer, so sequence order is commit order and every committed change is final.
constexpr std::string_view kChangesAfterSqlite =
    "SELECT transaction_id, sequence, product_id, removed_terms FROM search_changes "
    "WHERE (transaction_id, sequence) > ($1, $2) ORDER BY transaction_id, sequence LIMIT $3";
// PostgreSQL: every committed change after the position, each marked final when its
// transaction lies below the snapshot's xmin: all of those have ended, so no change can still
// appear behind a final one. Later ones are visible already but an older transaction, still
// open, may yet commit a change before them: a reader applies them and reads them again.
constexpr std::string_view kChangesAfterPostgres =
    "SELECT transaction_id, sequence, product_id, removed_terms, "
    "transaction_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint FROM search_changes "
    "WHERE (transaction_id, sequence) > ($1, $2) "
    "ORDER BY transaction_id, sequence LIMIT $3";
constexpr std::string_view kLastChangeSqlite =
    "SELECT transaction_id, sequence FROM search_changes ORDER BY transaction_id DESC, sequence DESC LIMIT 1";
constexpr std::string_view kLastChangePostgres =
    "SELECT transaction_id, sequence FROM search_changes "
    "WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint "
    "ORDER BY transaction_id DESC, sequence DESC LIMIT 1";
constexpr std::string_view kFirstChangeAfter =
    "SELECT transaction_id, sequence FROM search_changes WHERE (transaction_id, sequence) > ($1, $2) "
    "ORDER BY transaction_id, sequence LIMIT 1";
constexpr std::string_view kHasChange = "SELECT 1 FROM search_changes WHERE transaction_id = $1 AND sequence = $2";
// The change `keep` places before the newest: everything before it goes, it stays.
constexpr std::string_view kPruneBoundary =
    "SELECT transaction_id, sequence FROM search_changes ORDER BY transaction_id DESC, sequence DESC "
    "LIMIT 1 OFFSET $1";
constexpr std::string_view kPruneChanges = "DELETE FROM search_changes WHERE (transaction_id, sequence) < ($1, $2)";
constexpr std::string_view kDeletePosting = "DELETE FROM search_postings WHERE term = $1 AND product_id = $2";
constexpr std::string_view kPostings =
    "SELECT product_id, name_frequency, description_frequency FROM search_postings WHERE term = $1 "
    "ORDER BY product_id";
constexpr std::string_view kCountPostings = "SELECT COUNT(*), COUNT(DISTINCT term) FROM search_postings";
// The totals are spread over kStatisticsBuckets rows (no row every write updates); CAST because
// SUM(BIGINT) is NUMERIC on PostgreSQL.
constexpr std::int64_t kStatisticsBuckets = 64;
constexpr std::string_view kStatistics =
    "SELECT CAST(COALESCE(SUM(documents), 0) AS BIGINT), CAST(COALESCE(SUM(name_terms), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(description_terms), 0) AS BIGINT) FROM search_statistics_buckets";
constexpr std::string_view kAdjustStatistics =
    "INSERT INTO search_statistics_buckets (bucket, documents, name_terms, description_terms) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (bucket) DO UPDATE SET "
    "documents = search_statistics_buckets.documents + excluded.documents, "
    "name_terms = search_statistics_buckets.name_terms + excluded.name_terms, "
    "description_terms = search_statistics_buckets.description_terms + excluded.description_terms";
constexpr std::string_view kClaimRebuild =
    "INSERT INTO search_rebuild_lease (id, holder, expires_at) VALUES (1, $1, $2) "
    "ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
    "WHERE search_rebuild_lease.expires_at <= $3";
constexpr std::string_view kReleaseRebuild = "DELETE FROM search_rebuild_lease WHERE holder = $1";
constexpr std::string_view kAddWord =
    "INSERT INTO search_words (word, initials, listings) VALUES ($1, $2, 1) "
    "ON CONFLICT (word) DO UPDATE SET listings = search_words.listings + 1";
constexpr std::string_view kAddDocumentWord =
    "INSERT INTO search_document_words (product_id, word) VALUES ($1, $2) ON CONFLICT DO NOTHING";
constexpr std::string_view kDocumentWords = "SELECT word FROM search_document_words WHERE product_id = $1";
constexpr std::string_view kDecrementWord = "UPDATE search_words SET listings = listings - 1 WHERE word = $1";
constexpr std::string_view kDeleteUnusedWord = "DELETE FROM search_words WHERE word = $1 AND listings <= 0";
constexpr std::string_view kDeleteDocumentWords = "DELETE FROM search_document_words WHERE product_id = $1";
constexpr std::string_view kWordsInRange =
    "SELECT word, listings FROM search_words WHERE word >= $1 AND word < $2 ORDER BY listings DESC, word LIMIT $3";
constexpr std::string_view kWordsWithInitialsInRange =
    "SELECT word, listings FROM search_words WHERE initials >= $1 AND initials < $2 "
    "ORDER BY listings DESC, word LIMIT $3";

constexpr std::string_view kWordsInRangeByWord =
    "SELECT word, listings FROM search_words WHERE word >= $1 AND word < $2 ORDER BY word LIMIT $3";
// Followed by "$1, $2, ...)": one statement per batch of words instead of one per word.
constexpr std::string_view kWordsAmongPrefix = "SELECT word, listings FROM search_words WHERE word IN (";
// Placeholders per statement, well under SQLite's and PostgreSQL's limits.
constexpr std::size_t kWordsPerStatement = 250;

DocumentRow ToDocument(const db::Row& row) {
  return {row.Int(0),  row.Int(1), row.Int(2), row.Int(3), row.Int(4) != 0,
          row.Real(5), row.Int(6), row.Int(7), row.Int(8), row.Int(9)};
}

std::vector<Suggestion> ToSuggestions(const db::Rows& rows) {
  std::vector<Suggestion> suggestions;
  suggestions.reserve(rows.size());
  for (const db::Row& row : rows) suggestions.push_back({row.Text(0), row.Int(1)});
  return suggestions;
}

}  // namespace

std::optional<DocumentRow> SearchRepository::FindDocument(std::int64_t product_id) {
  auto row = connection_.QueryOne(kFindDocument, {product_id});
  if (!row) return std::nullopt;
  return ToDocument(*row);
}

std::vector<DocumentRow> SearchRepository::DocumentsWithTerm(std::string_view term) {
  const db::Rows rows = connection_.Query(kDocumentsWithTerm, {term});
  std::vector<DocumentRow> documents;
  documents.reserve(rows.size());
  for (const db::Row& row : rows) documents.push_back(ToDocument(row));
  return documents;
}

std::vector<DocumentRow> SearchRepository::DocumentsAfter(std::int64_t after_product_id, int limit) {
  const db::Rows rows = connection_.Query(kDocumentsAfter, {after_product_id, std::int64_t{limit}});
  std::vector<DocumentRow> documents;
  documents.reserve(rows.size());
  for (const db::Row& row : rows) documents.push_back(ToDocument(row));
  return documents;
}

std::vector<std::pair<std::string, Posting>> SearchRepository::PostingsAfter(std::string_view after_term,
                                                                             std::int64_t after_product_id, int limit) {
  const db::Rows rows = connection_.Query(kPostingsAfter, {after_term, after_product_id, std::int64_t{limit}});
  std::vector<std::pair<std::string, Posting>> postings;
  postings.reserve(rows.size());
  for (const db::Row& row : rows) {
    postings.emplace_back(
        row.Text(0), Posting{row.Int(1), static_cast<std::int32_t>(row.Int(2)), static_cast<std::int32_t>(row.Int(3))});
  }
  return postings;
}

void SearchRepository::InsertDocument(const DocumentRow& document, std::string_view terms) {
  connection_.Execute(kInsertDocument,
                      {document.product_id, document.category_id, document.seller_id, document.price_amount,
                       std::int64_t{document.in_stock ? 1 : 0}, document.rating_average, document.popularity,
                       document.created_at, document.name_terms, document.description_terms, terms});
}

void SearchRepository::DeleteDocument(std::int64_t product_id) { connection_.Execute(kDeleteDocument, {product_id}); }

void SearchRepository::InsertPostings(std::int64_t product_id, const std::vector<TermFrequency>& terms) {
  for (const TermFrequency& term : terms) {
    connection_.Execute(kInsertPosting,
                        {std::string_view(term.term), product_id, term.name_frequency, term.description_frequency});
  }
}

namespace {

template <typename Visit>
void ForEachTerm(std::string_view terms, Visit&& visit) {
  std::size_t start = 0;
  while (start < terms.size()) {
    std::size_t end = terms.find(' ', start);
    if (end == std::string::npos) end = terms.size();
    if (end > start) visit(terms.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

std::vector<std::pair<std::string, Posting>> SearchRepository::PostingsOf(std::int64_t product_id) {
  std::vector<std::pair<std::string, Posting>> postings;
  auto row = connection_.QueryOne(kDocumentTerms, {product_id});
  if (!row) return postings;
  ForEachTerm(row->Text(0), [&](std::string_view term) {
    if (auto frequencies = connection_.QueryOne(kPostingOf, {term, product_id})) {
      postings.emplace_back(std::string(term), Posting{product_id, static_cast<std::int32_t>(frequencies->Int(0)),
                                                       static_cast<std::int32_t>(frequencies->Int(1))});
    }
  });
  return postings;
}

std::int64_t SearchRepository::RecordChange(std::int64_t product_id, std::string_view removed_terms) {
  return connection_.QueryOne(kRecordChange, {product_id, removed_terms})->Int(0);
}

std::vector<SearchRepository::Change> SearchRepository::ChangesAfter(ChangePosition after, int limit) {
  const std::string_view sql =
      connection_.dialect() == db::Dialect::postgres ? kChangesAfterPostgres : kChangesAfterSqlite;
  std::vector<Change> changes;
  for (const db::Row& row : connection_.Query(sql, {after.transaction_id, after.sequence, std::int64_t{limit}})) {
    // SQLite has one writer: whatever has committed is final.
    const bool final = row.size() < 5 || row.Int(4) == 1;
    changes.push_back({{row.Int(0), row.Int(1)}, row.Int(2), row.Text(3), final});
  }
  return changes;
}

ChangePosition SearchRepository::LastChange() {
  const std::string_view sql = connection_.dialect() == db::Dialect::postgres ? kLastChangePostgres : kLastChangeSqlite;
  const auto row = connection_.QueryOne(sql);
  if (!row) return {};
  return {row->Int(0), row->Int(1)};
}

ChangePosition SearchRepository::FirstChangeAfter(ChangePosition after) {
  const auto row = connection_.QueryOne(kFirstChangeAfter, {after.transaction_id, after.sequence});
  if (!row) return {};
  return {row->Int(0), row->Int(1)};
}

bool SearchRepository::HasChange(ChangePosition position) {
  return connection_.QueryOne(kHasChange, {position.transaction_id, position.sequence}).has_value();
}

void SearchRepository::PruneChanges(std::int64_t keep) {
  const auto boundary = connection_.QueryOne(kPruneBoundary, {keep});
  if (boundary) connection_.Execute(kPruneChanges, {boundary->Int(0), boundary->Int(1)});
}

std::string SearchRepository::DeletePostings(std::int64_t product_id) {
  auto row = connection_.QueryOne(kDocumentTerms, {product_id});
  if (!row) return {};
  std::string terms = row->Text(0);
  ForEachTerm(terms, [&](std::string_view term) { connection_.Execute(kDeletePosting, {term, product_id}); });
  return terms;
}

std::vector<Posting> SearchRepository::Postings(std::string_view term) {
  const db::Rows rows = connection_.Query(kPostings, {term});
  std::vector<Posting> postings;
  postings.reserve(rows.size());
  for (const db::Row& row : rows) {
    postings.push_back({row.Int(0), static_cast<std::int32_t>(row.Int(1)), static_cast<std::int32_t>(row.Int(2))});
  }
  return postings;
}

IndexStatistics SearchRepository::Statistics() {
  auto row = connection_.QueryOne(kStatistics);
  if (!row) return {};
  return {row->Int(0), row->Int(1), row->Int(2)};
}

SearchRepository::PostingCounts SearchRepository::CountPostings() {
  const auto row = connection_.QueryOne(kCountPostings);
  return {row->Int(0), row->Int(1)};
}

void SearchRepository::AdjustStatistics(std::int64_t product_id, std::int64_t documents, std::int64_t name_terms,
                                        std::int64_t description_terms) {
  const std::int64_t bucket = ((product_id % kStatisticsBuckets) + kStatisticsBuckets) % kStatisticsBuckets;
  connection_.Execute(kAdjustStatistics, {bucket, documents, name_terms, description_terms});
}

bool SearchRepository::ClaimRebuild(std::string_view holder, std::int64_t now, std::int64_t expires_at) {
  return connection_.Execute(kClaimRebuild, {holder, expires_at, now}) > 0;
}

void SearchRepository::ReleaseRebuild(std::string_view holder) { connection_.Execute(kReleaseRebuild, {holder}); }

void SearchRepository::AddWords(std::int64_t product_id,
                                const std::vector<std::pair<std::string, std::string>>& words_and_initials) {
  for (const auto& [word, initials] : words_and_initials) {
    if (connection_.Execute(kAddDocumentWord, {product_id, std::string_view(word)}) == 0) continue;
    connection_.Execute(kAddWord, {std::string_view(word), std::string_view(initials)});
  }
}

void SearchRepository::RemoveWords(std::int64_t product_id) {
  for (const db::Row& row : connection_.Query(kDocumentWords, {product_id})) {
    connection_.Execute(kDecrementWord, {std::string_view(row.Text(0))});
    connection_.Execute(kDeleteUnusedWord, {std::string_view(row.Text(0))});
  }
  connection_.Execute(kDeleteDocumentWords, {product_id});
}

std::vector<Suggestion> SearchRepository::WordsInRange(std::string_view low, std::string_view high, int limit) {
  return ToSuggestions(connection_.Query(kWordsInRange, {low, high, std::int64_t{limit}}));
}

std::vector<Suggestion> SearchRepository::WordsWithInitialsInRange(std::string_view low, std::string_view high,
                                                                   int limit) {
  return ToSuggestions(connection_.Query(kWordsWithInitialsInRange, {low, high, std::int64_t{limit}}));
}

std::vector<Suggestion> SearchRepository::WordsAmong(std::span<const std::string> words) {
  std::vector<Suggestion> found;
  for (std::size_t start = 0; start < words.size(); start += kWordsPerStatement) {
    const std::size_t count = std::min(kWordsPerStatement, words.size() - start);
    std::string sql(kWordsAmongPrefix);
    std::vector<db::Parameter> parameters;
    parameters.reserve(count);
    for (std::size_t index = 0; index < count; ++index) {
      sql += (index == 0 ? "$" : ", $") + std::to_string(index + 1);
      parameters.emplace_back(std::string_view(words[start + index]));
    }
    sql += ")";
    for (Suggestion& suggestion : ToSuggestions(connection_.Query(sql, parameters))) {
      found.push_back(std::move(suggestion));
    }
  }
  return found;
}

std::vector<Suggestion> SearchRepository::WordsInRangeByWord(std::string_view low, std::string_view high, int limit) {
  return ToSuggestions(connection_.Query(kWordsInRangeByWord, {low, high, std::int64_t{limit}}));
}

}  // namespace manmulsang::search
