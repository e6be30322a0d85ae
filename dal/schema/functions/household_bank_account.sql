CREATE OR REPLACE FUNCTION doudi.household_bank_account(p_household_id bigint) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  account text;
BEGIN
  IF NOT doudi.staff_may('see_full_bank_accounts') THEN
    RAISE EXCEPTION 'doudi:household.bank_account_hidden' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT h.bank_account INTO account FROM doudi.household AS h
  WHERE h.id = p_household_id
    AND (doudi.session_is_superuser() OR h.region_code BETWEEN doudi.scope_low() AND doudi.scope_high());
  IF FOUND THEN
    INSERT INTO doudi.unmasked_access (what, household_id) VALUES ('bank_account', p_household_id);
  END IF;
  RETURN account;
END
$$;
ALTER FUNCTION doudi.household_bank_account(bigint) OWNER TO doudi_scope_reader;
REVOKE ALL ON FUNCTION doudi.household_bank_account(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.household_bank_account(bigint) TO doudi_finance_officer, doudi_center_admin;
