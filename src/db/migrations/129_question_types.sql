-- New question types (docs/api.md "Question types"): yes/no, date, number, e-mail, phone, ranking, matrix rows
-- (stored as rating questions naming their matrix), consent. A number question's range; a number answer's value.
alter table questions drop constraint questions_type_check;
alter table questions add constraint questions_type_check
  check (type in ('nps','rating','single','multi','text','yesno','date','number','email','phone','ranking','matrix','consent'));
alter table questions add column number_range jsonb,
                      add column matrix jsonb;
alter table answers add column number numeric;
