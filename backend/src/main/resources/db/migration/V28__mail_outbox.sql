-- Mails owed after a commit (waitlist served, deadline release, postcode decision): the row is written
-- in the transaction of the change it tells about, so the mail exists iff that change committed, and
-- stays owed until sent. A backend killed between the commit and the send, or a mail server down at
-- that moment, loses nothing: MailOutbox sends what is owed right after the commit and on a schedule.
-- Subject and body are rendered at enqueue time, in the recipient's language (no arguments to store).
CREATE TABLE mail_outbox (
    id              bigserial PRIMARY KEY,
    recipient       text NOT NULL CHECK (btrim(recipient) <> ''),
    mail_key        text NOT NULL,                 -- which text (mail/messages_*.properties), for operators
    subject         text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),   -- failed sends
    last_error      text,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),                 -- backoff after a failure
    sent_at         timestamptz
);
-- the owed mails, due first: what the job and the after-commit attempt read
CREATE INDEX mail_outbox_owed ON mail_outbox (next_attempt_at, id) WHERE sent_at IS NULL;
-- the sent ones are deleted after a while (they hold names and ticket links)
CREATE INDEX mail_outbox_sent ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL;
