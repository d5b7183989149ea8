-- The demo's ward Phúc Xá lies in Ba Đình district: a procedure received at a commune desk and decided by the
-- district (procedure.decidedBy = PARENT, e.g. household_business_change) travels between the two.
update unit set parent_code = '000.00.01.H01' where code = '000.01.01.H01';
