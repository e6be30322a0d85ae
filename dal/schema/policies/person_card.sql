-- person_card: what a member's ID card said, read within scope by the desk
-- like the member (doudi.scope_policies); written only by
-- doudi.person_card_record as the owner. Department liaisons read none of
-- it: the help a referral asks for never needs the card.
CALL doudi.scope_policies('person_card', p_writers => false, p_liaison_key => NULL, p_owner_all => true);
