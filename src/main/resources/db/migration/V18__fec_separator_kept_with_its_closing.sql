-- The FEC's zones are separated by a tab or a | (LPF art. A47 A-1, issue #17): the organisation
-- chooses (ledger.accounting.fec.separator), and may choose again later. A closed year's FEC is
-- written again at every download and checked against the SHA-256 its closing kept, so it is
-- written with the separator its closing wrote it with, kept here, not the one configured then.
--
-- Kept as a code, 'tab' or 'pipe', rather than as the character: a tab is invisible in psql's
-- output and in a dump, where a code cannot be misread; and the codes are the configuration's own
-- values, so the closing's record and the setting read alike.
--
-- The years closed before this migration were written with tabs, the only separator then: the
-- default fills their rows (without rewriting them, nor firing year_end_closing's append-only
-- trigger: adding a column updates no row). It is kept: during a rolling deployment a replica of
-- the previous version, which names no separator and writes with tabs, may still confirm a
-- closing after this migration ran, and 'tab' is then exactly what it wrote.
ALTER TABLE year_end_closing
    ADD COLUMN fec_separator varchar(4) NOT NULL DEFAULT 'tab'
        CONSTRAINT year_end_closing_fec_separator_known CHECK (fec_separator IN ('tab', 'pipe'));
