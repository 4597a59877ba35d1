-- "Most helpful" reviews: a member marks a review helpful (도움돼요) once. The primary key makes a
-- second mark a no-op whatever the race; reviews.helpful_count follows each inserted mark in the
-- same transaction, so the sort needs no count over the marks.
ALTER TABLE reviews ADD COLUMN helpful_count BIGINT NOT NULL DEFAULT 0 CHECK (helpful_count >= 0);
CREATE TABLE review_helpful_marks (
  review_id BIGINT NOT NULL REFERENCES reviews (id),
  member_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (review_id, member_id)
);
CREATE INDEX reviews_product_helpful ON reviews (product_id, hidden, helpful_count, created_at, id);
