-- Is a case in this state being paid: the states in which
-- doudi.payments_generate makes monthly lines (a terminated case only up to
-- its last month, which this does not know). The screening rules about
-- recipients ask it.
CREATE OR REPLACE FUNCTION doudi.case_in_payment(p_state text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
  SELECT p_state IN ('in_payment', 'under_review', 'adjusted', 'gradual_exit')
$$;
REVOKE ALL ON FUNCTION doudi.case_in_payment(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doudi.case_in_payment(text) TO doudi_user;
