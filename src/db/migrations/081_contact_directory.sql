-- The contact directory (issue 10, "Contacts"): what the shared ground of 080 leaves to the directory.

-- An attribute marked as a dimension is copied into a response's hidden fields when its contact
-- answers through a personal link (src/core/contacts/hiddenFields.ts contactHiddenFields); the
-- dashboards group by it once its key is also one of the organisation's dimensions (orgs.dimensions).
alter table contact_attributes add column dimension boolean not null default false;

-- The unsubscribe link's token (GET/POST /u/:token): 128 random bits per contact, in the clear, so the
-- mail sender can put the same link in every message. It can do one thing only: set unsubscribed_at.
alter table contacts add column unsubscribe_token text not null default encode(gen_random_bytes(16), 'hex');
create unique index contacts_unsubscribe_token on contacts(unsubscribe_token);
create index contacts_location on contacts(org_id, location_id) where location_id is not null;
