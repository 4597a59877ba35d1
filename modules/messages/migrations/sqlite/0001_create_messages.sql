-- Conversations between a buyer and a shop, about one order or one product, and their messages.
-- buyer_id / author_id / user_id / reporter_id → accounts.users, seller_id → sellers.shops,
-- order_id → orders.orders, product_id → catalog.products: kept by the service (a module owns its
-- tables). One conversation per order, and one per product and buyer: the unique indexes let two
-- starts at once make one row (insert first, then read what is there).
CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  buyer_id INTEGER NOT NULL,
  buyer_name TEXT NOT NULL,
  seller_id INTEGER NOT NULL,
  order_id INTEGER,
  product_id INTEGER,
  subject TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_message_at INTEGER NOT NULL,
  CHECK ((order_id IS NULL) <> (product_id IS NULL))
);
CREATE UNIQUE INDEX conversations_order ON conversations (order_id);
CREATE UNIQUE INDEX conversations_product_buyer ON conversations (product_id, buyer_id);
CREATE INDEX conversations_buyer ON conversations (buyer_id, last_message_at, id);
CREATE INDEX conversations_seller ON conversations (seller_id, last_message_at, id);

-- from_shop: written by the shop's owner (1) or the buyer (0); the other side's unread messages.
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  author_id INTEGER NOT NULL,
  from_shop INTEGER NOT NULL CHECK (from_shop IN (0, 1)),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, id);

-- A message's photos: the /media URLs of the detail and list sizes, written after the files
-- (docs/IMAGES.md). position orders them; at most 5 per message (kept by the service).
CREATE TABLE message_photos (
  message_id INTEGER NOT NULL REFERENCES messages (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  url TEXT NOT NULL,
  thumbnail_url TEXT NOT NULL,
  PRIMARY KEY (message_id, position)
);

-- How far each party has read (the shop's side is its owner's row).
CREATE TABLE message_read_markers (
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  user_id INTEGER NOT NULL,
  last_read_message_id INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, user_id)
);

-- A party's report: only while one is open may an admin read the conversation.
CREATE TABLE message_reports (
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  reporter_id INTEGER NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, reporter_id)
);
CREATE INDEX message_reports_status ON message_reports (status, conversation_id);
