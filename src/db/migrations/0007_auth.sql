-- The time step of the last TOTP code each user signed in with. A code is accepted once: one seen
-- over a shoulder or in a proxy log cannot be replayed within its validity window.
ALTER TABLE users ADD COLUMN totp_last_step bigint;
