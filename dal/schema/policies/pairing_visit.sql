-- pairing_visit: read within scope by the desk, written by the pairing functions as the owner.
CALL doudi.scope_policies('pairing_visit', p_writers => false, p_liaison_key => NULL, p_owner_all => true);
