-- referral_send: read within scope by the desk, written by doudi.referral_send as the owner.
CALL doudi.scope_policies('referral_send', p_writers => false, p_liaison_key => NULL, p_owner_all => true);
