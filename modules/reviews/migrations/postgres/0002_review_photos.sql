-- A review's photos: the /media URLs of the detail and list sizes, written after the files
-- (docs/IMAGES.md). position orders them; at most 5 per review (kept by the service).
CREATE TABLE review_photos (
  review_id BIGINT NOT NULL REFERENCES reviews (id),
  position BIGINT NOT NULL CHECK (position >= 0),
  url TEXT NOT NULL,
  thumbnail_url TEXT NOT NULL,
  PRIMARY KEY (review_id, position)
);
