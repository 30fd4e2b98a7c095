-- A licensed product whose offering counts its validity from activation expires then (ProductActivated sets the
-- instant, ProductExpired records it passing); the tabs show the expiry on the product's row. Null: the product
-- lasts as long as its package's membership year.
alter table benefit add column expires_at timestamptz;
