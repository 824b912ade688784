-- Supporting documents (issue #18, ADR 0018): council deliberations, projects and funding
-- agreements, committee minutes, the bank's payment advices, the beneficiaries' execution
-- reports. Their bytes are kept here, beside the facts they support (no other store to run);
-- each fund's documents form a chain of their own, as its journal does: a document's hash covers
-- what it is, its SHA-256, who attached it and when, the fund's journal head at that moment and
-- the previous document's hash. The verification recomputes the SHA-256 of every document's bytes
-- in the database and walks the chain: a changed byte, a removed or inserted document, is reported.

ALTER TABLE fund_ledger
    ADD COLUMN document_count     bigint NOT NULL DEFAULT 0 CHECK (document_count >= 0),
    ADD COLUMN document_head_hash bytea  NOT NULL DEFAULT '\x0000000000000000000000000000000000000000000000000000000000000000'
        CHECK (octet_length(document_head_hash) = 32);

CREATE TABLE supporting_document (
    id             uuid PRIMARY KEY,
    fund_id        bigint        NOT NULL REFERENCES fund_ledger (fund_id),
    sequence       bigint        NOT NULL CHECK (sequence > 0),
    -- What it supports: a pledge, a disbursement (its request, its decision, after payment), a payment.
    about_type     varchar(20)   NOT NULL CHECK (about_type IN ('PLEDGE', 'DISBURSEMENT', 'DECISION', 'PAYMENT')),
    about_id       uuid          NOT NULL,
    kind           varchar(20)   NOT NULL CHECK (kind IN ('DELIBERATION', 'PROJECT', 'FUNDING_AGREEMENT', 'MINUTES',
                                                         'PAYMENT_ADVICE', 'EXECUTION_REPORT')),
    file_name      varchar(255)  NOT NULL,
    media_type     varchar(100)  NOT NULL,
    size_bytes     integer       NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
    sha256         bytea         NOT NULL CHECK (octet_length(sha256) = 32),
    content        bytea         NOT NULL,
    attached_at    timestamptz   NOT NULL,
    attached_by    varchar(200)  NOT NULL,
    ledger_head    bytea         NOT NULL CHECK (octet_length(ledger_head) = 32),
    previous_hash  bytea         NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash           bytea         NOT NULL CHECK (octet_length(hash) = 32),
    CONSTRAINT supporting_document_sequence_key UNIQUE (fund_id, sequence),
    CONSTRAINT supporting_document_size CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX supporting_document_about_idx ON supporting_document (about_id, sequence);
-- The bytes are read when downloaded or verified, never with the rest of the row.
ALTER TABLE supporting_document ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE TRIGGER supporting_document_append_only BEFORE UPDATE OR DELETE ON supporting_document
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER supporting_document_no_truncate BEFORE TRUNCATE ON supporting_document
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

GRANT SELECT, INSERT ON supporting_document TO ${appRole};
