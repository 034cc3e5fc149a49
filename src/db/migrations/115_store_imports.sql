-- Store imports (issue 15, docs/store-economics.md "Imports: footfall, transactions, shifts"): the location an
-- import names for the whole file (rows without a location column belong to it).
alter table store_imports add column location_id uuid;
