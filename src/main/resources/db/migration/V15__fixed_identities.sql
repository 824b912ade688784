-- What the service keeps in memory once read (issue #20, CommittedFacts): a fund's id, code and
-- currency, a donor's id and number. Neither row is ever deleted (the application role may not,
-- and the journal's foreign keys hold them); this makes those columns unchangeable too, even for
-- the owner, so that what an instance kept can never disagree with the database.
CREATE FUNCTION identity_is_fixed() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the identity of a % row never changes: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER fund_identity_is_fixed
    BEFORE UPDATE OF id, code, currency ON fund
    FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.code IS DISTINCT FROM OLD.code
                       OR NEW.currency IS DISTINCT FROM OLD.currency)
    EXECUTE FUNCTION identity_is_fixed();
CREATE TRIGGER fund_never_deleted
    BEFORE DELETE ON fund
    FOR EACH ROW EXECUTE FUNCTION identity_is_fixed();
CREATE TRIGGER donor_identity_is_fixed
    BEFORE UPDATE OF id, number ON donor
    FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.number IS DISTINCT FROM OLD.number)
    EXECUTE FUNCTION identity_is_fixed();
CREATE TRIGGER donor_never_deleted
    BEFORE DELETE ON donor
    FOR EACH ROW EXECUTE FUNCTION identity_is_fixed();
