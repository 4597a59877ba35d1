-- Listings now carry their category names into the index (IndexedProduct::category_names). The
-- index is a read model of the listings: emptying it makes the next start rebuild it
-- (Marketplace::PrepareSearch finds fewer indexed listings than active ones).
DELETE FROM search_postings;
DELETE FROM search_document_words;
DELETE FROM search_words;
DELETE FROM search_documents;
DELETE FROM search_changes;
UPDATE search_statistics SET documents = 0, name_terms = 0, description_terms = 0;
