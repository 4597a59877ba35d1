-- Moderation: an admin hides a review or a question with a reason its author reads, and closes
-- the reports about it (hidden, or dismissed without acting). Members report a question once, as
-- they report a review (the primary key makes a second report a no-op, whatever the race).
ALTER TABLE reviews ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE review_reports ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'hidden'));
-- Reports of reviews hidden before there were statuses were acted on already.
UPDATE review_reports SET status = 'hidden' WHERE review_id IN (SELECT id FROM reviews WHERE hidden = 1);
CREATE INDEX review_reports_status ON review_reports (status, review_id);

ALTER TABLE questions ADD COLUMN hidden BIGINT NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
ALTER TABLE questions ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
CREATE TABLE question_reports (
  question_id BIGINT NOT NULL REFERENCES questions (id),
  reporter_id BIGINT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'hidden')),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (question_id, reporter_id)
);
CREATE INDEX question_reports_status ON question_reports (status, question_id);
