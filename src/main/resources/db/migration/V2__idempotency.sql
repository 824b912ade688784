-- Idempotency keys (IETF httpapi Idempotency-Key draft): the first answer to each
-- (caller, key), kept so that a retry gets it again instead of acting twice. Written in
-- the same transaction as the effect it answers for, so that one never exists without the
-- other. See docs/reference/idempotency.md.
CREATE TABLE idempotency_key (
    subject             varchar(200) NOT NULL,
    key                 varchar(255) NOT NULL,
    request_method      varchar(10)  NOT NULL,
    request_path        varchar(500) NOT NULL,
    request_fingerprint bytea        NOT NULL CHECK (octet_length(request_fingerprint) = 32),
    response_status     smallint     NOT NULL CHECK (response_status BETWEEN 200 AND 299),
    response_location   varchar(500),
    response_body       text         NOT NULL,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL CHECK (expires_at > created_at),
    PRIMARY KEY (subject, key)
);
CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);

GRANT SELECT, INSERT, DELETE ON idempotency_key TO ${appRole};
