-- person_card_photo: the card's photo, read within scope by the desk like
-- the card; written only by doudi.person_card_record as the owner.
CALL doudi.scope_policies('person_card_photo', p_writers => false, p_liaison_key => NULL, p_owner_all => true);
