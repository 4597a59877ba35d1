-- The shop's logo (issue 5): the /media URL of its list-size picture, stored by the image pipeline
-- before this column names it (docs/IMAGES.md); empty when the shop has none.
ALTER TABLE shops ADD COLUMN logo_url TEXT NOT NULL DEFAULT '';
