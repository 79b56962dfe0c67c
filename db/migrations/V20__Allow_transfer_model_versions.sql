-- Codebooks without people's labels are labelled by the shipped transfer model: its versions are of kind
-- 'transfer'. 'zero-shot' stays for the versions the earlier codebook rule made, so their labels keep their name.
ALTER TABLE model_version DROP CONSTRAINT model_version_kind_check;
ALTER TABLE model_version ADD CONSTRAINT model_version_kind_check
    CHECK (kind IN ('zero-shot', 'transfer', 'trained'));
