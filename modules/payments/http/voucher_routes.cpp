// /admin/vouchers: mint a batch of prepaid codes and follow the batches. The codes exist in clear
// only in the answer to the mint form — a printable sheet (with a CSV of the same codes to save),
// or, with format=csv, the CSV itself — since the store keeps their hashes alone. Each batch lists
// how many codes were redeemed; ?batch=<id> lists its codes by place and first group, with who
// redeemed each and when. JSON twin: GET /api/v1/admin/vouchers (minting stays
// POST /api/v1/admin/vouchers, in the buying API).

#include <boost/json/array.hpp>
#include <memory>

#include "manmulsang/core/grouped_number.hpp"
#include "manmulsang/core/local_time.hpp"
#include "manmulsang/html/page_numbers.hpp"
#include "money_http.hpp"

namespace manmulsang::payments {
namespace {

constexpr std::size_t kMaxNote = 200;

std::string CodesCsv(const VoucherBatch& batch) {
  std::string csv = "batch,index,code,amount_kpw\r\n";
  for (std::size_t index = 0; index < batch.codes.size(); ++index) {
    csv += std::to_string(batch.id) + "," + std::to_string(index + 1) + "," + batch.codes[index] + "," +
           std::to_string(batch.amount.amount) + "\r\n";
  }
  return csv;
}

class VoucherRoutes {
 public:
  explicit VoucherRoutes(const MoneyHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const {
    if (auto batch = request.Query("batch")) {
      auto id = http::ParsePositiveId(*batch);
      auto detail = id ? http_.services.payments.FindVoucherBatch(*id) : std::nullopt;
      if (!detail) return http_.renderer.NotFound(request);
      return ShowBatch(request, *detail);
    }
    return Render(request, {}, http::Status::ok, {});
  }

  http::Response Mint(http::Request& request) const {
    const http::Form& form = request.form();
    auto count = ParseWon(form.GetOr("count"));
    if (!count) return Render(request, ProblemOf(PaymentError::invalid_count), http::Status::bad_request, form);
    auto amount = ParseWon(form.GetOr("amount"));
    if (!amount) return Render(request, ProblemOf(PaymentError::invalid_amount), http::Status::bad_request, form);
    const std::string_view note = form.GetOr("note");
    if (note.size() > kMaxNote) {
      return Render(request, {http::Status::bad_request, "invalid_note", "note"}, http::Status::bad_request, form);
    }
    auto batch = http_.services.payments.MintVouchers(*request.context().actor.user, *count, *amount, note);
    if (!batch) {
      const http::ApiProblem problem = ProblemOf(batch.error());
      return Render(request, problem, problem.status, form);
    }
    if (form.GetOr("format") == "csv") {
      http::Response response(http::Status::ok, "text/csv; charset=utf-8", CodesCsv(*batch));
      response.SetHeader("Content-Disposition",
                         "attachment; filename=\"vouchers-" + std::to_string(batch->id) + ".csv\"");
      return response;
    }
    return Sheet(request, *batch, note);
  }

  http::Response Api(http::Request& request) const {
    if (auto batch = request.Query("batch_id")) {
      auto id = http::ParsePositiveId(*batch);
      auto detail = id ? http_.services.payments.FindVoucherBatch(*id) : std::nullopt;
      if (!detail) {
        return http_.Error(request, http::ApiProblem{http::Status::not_found, "batch_not_found", "batch_id"});
      }
      boost::json::array vouchers;
      for (const VoucherListing& voucher : detail->vouchers) {
        vouchers.push_back(boost::json::object{
            {"index", voucher.index},
            {"prefix", voucher.prefix},
            {"redeemed_by", voucher.redeemed_by ? boost::json::value(voucher.redeemed_by->value) : nullptr},
            {"redeemed_at",
             voucher.redeemed_at ? boost::json::value(core::FormatIso8601(*voucher.redeemed_at)) : nullptr}});
      }
      boost::json::object json = BatchJson(detail->batch);
      json["vouchers"] = std::move(vouchers);
      return http::Response::Json(json);
    }
    auto page = http::ParseListPage(request, 50);
    if (!page) return http_.Error(request, http::ApiProblem{http::Status::bad_request, "invalid_page", "page"});
    boost::json::array items;
    for (const VoucherBatchSummary& batch : http_.services.payments.VoucherBatches(page->page, page->per_page)) {
      items.push_back(BatchJson(batch));
    }
    return http::Response::Json(boost::json::object{{"items", std::move(items)},
                                                    {"total", http_.services.payments.CountVoucherBatches()},
                                                    {"page", page->page},
                                                    {"per_page", page->per_page}});
  }

 private:
  static boost::json::object BatchJson(const VoucherBatchSummary& batch) {
    return {{"id", batch.id},
            {"amount", MoneyJson(batch.amount)},
            {"count", batch.count},
            {"redeemed", batch.redeemed},
            {"note", batch.note},
            {"created_by", batch.admin.value},
            {"created_at", core::FormatIso8601(batch.created_at)}};
  }

  html::Data BatchData(const http::Request& request, const VoucherBatchSummary& batch, const MemberNames& names) const {
    html::Data row;
    row.set("id", std::to_string(batch.id));
    row.set("amount", http_.Money(request, batch.amount));
    row.set("count", core::FormatCount(batch.count));
    row.set("redeemed", core::FormatCount(batch.redeemed));
    row.set("note", batch.note);
    row.set("admin", names(batch.admin));
    row.set("at", core::LocalDateTime(batch.created_at));
    return row;
  }

  http::Response Sheet(const http::Request& request, const VoucherBatch& batch, std::string_view note) const {
    html::Data data;
    data.set("title", http_.Text(request, "payments.voucher_sheet_title"));
    data.set("batch_id", std::to_string(batch.id));
    data.set("amount", http_.Money(request, batch.amount.amount));
    data.set("count", core::FormatCount(static_cast<std::int64_t>(batch.codes.size())));
    data.set("note", std::string(note));
    html::List codes;
    for (std::size_t index = 0; index < batch.codes.size(); ++index) {
      html::Data row;
      row.set("index", std::to_string(index + 1));
      row.set("code", batch.codes[index]);
      codes.push_back(row);
    }
    data.set("codes", codes);
    // The same codes to save: a data: link needs no second request, so nothing keeps them.
    data.set("csv_href", "data:text/csv;charset=utf-8," + http::PercentEncode(CodesCsv(batch)));
    data.set("csv_name", "vouchers-" + std::to_string(batch.id) + ".csv");
    return http_.renderer.Page(request, "payments/voucher_sheet", std::move(data), http::Status::created);
  }

  http::Response ShowBatch(const http::Request& request, const VoucherBatchDetail& detail) const {
    // A batch of a thousand codes names its redeemers in one read.
    std::vector<core::UserId> members = {detail.batch.admin};
    for (const VoucherListing& voucher : detail.vouchers) {
      if (voucher.redeemed_by) members.push_back(*voucher.redeemed_by);
    }
    const MemberNames names(http_.services.accounts, members);
    html::Data data = BatchData(request, detail.batch, names);
    data.set("title", http_.Text(request, "payments.voucher_batch_title") + " " + std::to_string(detail.batch.id));
    html::List vouchers;
    for (const VoucherListing& voucher : detail.vouchers) {
      html::Data row;
      row.set("index", std::to_string(voucher.index));
      row.set("prefix", voucher.prefix.empty() ? std::string("-") : voucher.prefix + "-…");
      if (voucher.redeemed_by) {
        row.set("redeemed_by_id", std::to_string(voucher.redeemed_by->value));
        row.set("redeemed_by", names(*voucher.redeemed_by));
      }
      if (voucher.redeemed_at) row.set("redeemed_at", core::LocalDateTime(*voucher.redeemed_at));
      vouchers.push_back(row);
    }
    data.set("vouchers", vouchers);
    return http_.renderer.Page(request, "payments/admin_voucher_batch", std::move(data));
  }

  http::Response Render(const http::Request& request, const http::ApiProblem& problem, http::Status status,
                        const http::Form& typed) const {
    const auto page = http::ParseListPage(request, 50).value_or(http::ListPage{1, 50});
    html::Data data;
    data.set("title", http_.Text(request, "payments.vouchers_title"));
    if (!problem.code.empty()) data.set("message", http_.ErrorText(request, problem.code));
    data.set("typed_count", std::string(typed.GetOr("count")));
    data.set("typed_amount", std::string(typed.GetOr("amount")));
    data.set("typed_note", std::string(typed.GetOr("note")));
    data.set("max_count", std::to_string(kMaxVoucherBatch));
    data.set("max_note", std::to_string(kMaxNote));
    const std::vector<VoucherBatchSummary> listed = http_.services.payments.VoucherBatches(page.page, page.per_page);
    std::vector<core::UserId> admins;
    for (const VoucherBatchSummary& batch : listed) admins.push_back(batch.admin);
    const MemberNames names(http_.services.accounts, admins);
    html::List batches;
    for (const VoucherBatchSummary& batch : listed) batches.push_back(BatchData(request, batch, names));
    data.set("batches", batches);
    data.set("empty", html::Data(batches.empty()));
    html::SetPageNumbers(data, page.page, page.per_page, http_.services.payments.CountVoucherBatches());
    return http_.renderer.Page(request, "payments/admin_vouchers", std::move(data), status);
  }

  MoneyHttp http_;
};

}  // namespace

void AddVoucherRoutes(http::Router& router, const MoneyHttp& http) {
  auto routes = std::make_shared<const VoucherRoutes>(http);
  router.Get(
      "/admin/vouchers", [routes](http::Request& request) { return routes->Show(request); }, kAdminPage);
  router.Post(
      "/admin/vouchers", [routes](http::Request& request) { return routes->Mint(request); }, kAdminForm);
  router.Get(
      "/api/v1/admin/vouchers", [routes](http::Request& request) { return routes->Api(request); }, kAdminPage);
}

}  // namespace manmulsang::payments
