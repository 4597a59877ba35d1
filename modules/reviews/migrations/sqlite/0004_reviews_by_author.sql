-- A member's reviews, newest first: the admin console's member page reads them by author.
CREATE INDEX reviews_author_newest ON reviews (author_id, created_at, id);
