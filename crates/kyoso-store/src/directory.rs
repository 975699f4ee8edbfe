//! Lists of records with filters, within what the reader may see, a page at
//! a time (keyset pagination on the local key).

use kyoso_domain::Counts;
use kyoso_domain::{
    Event, LanguageCode, LanguageLevel, Link, Organization, Person, Stored, Text, Tie, Uid,
};
use kyoso_domain::{EventFilter, OrganizationFilter, PeopleFilter, TieFilter};

use crate::query::{Bind, Sql};
use crate::read::{self, EventRow, OrganizationRow, PersonRow, TieRow};
use crate::{Engine, Pool, Store, StoreError};

/// What a reader may see, worked out from who they are by the service's
/// access rules and applied here in SQL.
#[derive(Debug, Clone, Default)]
pub struct ReadScope {
    /// An administrator: everything.
    pub everything: bool,
    /// Signed in: records shared with the network.
    pub network: bool,
    /// Private records of this organization: (local key, uid).
    pub organization: Option<(i64, Uid)>,
    /// Their own person record.
    pub person: Option<Uid>,
}

impl ReadScope {
    /// Appends `AND (...)` restricting `alias` to what the scope allows.
    pub(crate) fn restrict(&self, sql: &mut Sql, alias: &str) {
        if self.everything {
            return;
        }
        sql.push(&format!(" AND ({alias}.visibility = 'public'"));
        if self.network {
            sql.push(&format!(" OR {alias}.visibility = 'network'"));
        }
        if let Some((org, _)) = self.organization {
            sql.push(&format!(" OR {alias}.owner_id = "));
            sql.bind(Bind::Int(org));
        }
        if let Some(person) = self.person
            && alias == "p"
        {
            sql.push(" OR p.uid = ");
            sql.bind(Bind::Uid(person.uuid()));
        }
        sql.push(")");
    }

    /// Appends `AND (...)` restricting the tie `t` (its ends joined as
    /// `fp`/`fo` and `tp`/`tg`/`te`, as [`read::TIE_SELECT`] does) to ties
    /// the scope allows whose ends it allows too.
    pub(crate) fn restrict_tie(&self, sql: &mut Sql) {
        self.restrict(sql, "t");
        if self.everything {
            return;
        }
        // Each end is one of the joined records: a person, an organization
        // or (at the "to" end) an event.
        for (person, ends) in [("fp", &["fp", "fo"][..]), ("tp", &["tp", "tg", "te"])] {
            let column = |name: &str| {
                let columns: Vec<String> = ends.iter().map(|end| format!("{end}.{name}")).collect();
                columns.join(", ")
            };
            let (visibility, owner) = (column("visibility"), column("owner_id"));
            sql.push(&format!(" AND (coalesce({visibility}) = 'public'"));
            if self.network {
                sql.push(&format!(" OR coalesce({visibility}) = 'network'"));
            }
            if let Some((own, _)) = self.organization {
                sql.push(&format!(" OR coalesce({owner}) = "));
                sql.bind(Bind::Int(own));
            }
            if let Some(me) = self.person {
                sql.push(&format!(" OR {person}.uid = "));
                sql.bind(Bind::Uid(me.uuid()));
            }
            sql.push(")");
        }
    }

    /// Whether the record `uid`, with this owner and visibility, is in the
    /// scope: the same rule as the SQL above, for one record in hand.
    pub fn allows(
        &self,
        uid: Uid,
        owner: Option<Uid>,
        visibility: kyoso_domain::Visibility,
    ) -> bool {
        use kyoso_domain::Visibility::*;
        self.everything
            || visibility == Public
            || (self.network && visibility == Network)
            || (owner.is_some() && owner == self.organization.map(|(_, uid)| uid))
            || self.person == Some(uid)
    }
}

/// Every level of `language` at least as good as `level`, in stored form.
fn levels_at_least(language: LanguageCode, level: Option<LanguageLevel>) -> Vec<String> {
    let all = [
        "native", "N1", "N2", "N3", "N4", "N5", "A1", "A2", "B1", "B2", "C1", "C2",
    ];
    all.iter()
        .filter_map(|l| kyoso_domain::LanguageSkill::new(language, l.parse().ok()?).ok())
        .filter(|s| level.is_none_or(|min| s.level().rank() >= min.rank()))
        .map(|s| s.to_string())
        .collect()
}

/// `EXISTS` a JSON array element in `list`.
fn json_contains_any(sql: &mut Sql, column: &str, values: Vec<String>) {
    match sql.engine {
        Engine::Sqlite => {
            sql.push(&format!(
                " AND EXISTS (SELECT 1 FROM json_each({column}) WHERE value IN ("
            ));
            sql.bind(Bind::TextList(values));
            sql.push("))");
        }
        Engine::Postgres => {
            sql.push(&format!(" AND jsonb_exists_any({column}, "));
            sql.bind(Bind::TextList(values));
            sql.push(")");
        }
    }
}

/// `(name LIKE %text% OR ...)` over the names in every script.
fn name_contains(sql: &mut Sql, alias: &str, text: &str) {
    let pattern = format!(
        "%{}%",
        text.to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    sql.push("(");
    for (i, column) in ["name_latin", "name_native", "name_japanese"]
        .iter()
        .enumerate()
    {
        if i > 0 {
            sql.push(" OR ");
        }
        sql.push(&format!("lower({alias}.{column}) LIKE "));
        sql.bind(Bind::Text(pattern.clone()));
        sql.push(" ESCAPE '\\'");
    }
    sql.push(")");
}

fn page(sql: &mut Sql, alias: &str, after: i64, limit: i64) {
    sql.push(&format!(" AND {alias}.id > "));
    sql.bind(Bind::Int(after));
    sql.push(&format!(" ORDER BY {alias}.id LIMIT "));
    sql.bind(Bind::Int(limit));
}

macro_rules! fetch {
    ($store:expr, $sql:expr, $row:ty) => {
        match &$store.pool {
            Pool::Sqlite(pool) => $sql.sqlite_as::<$row>().fetch_all(pool).await?,
            Pool::Postgres(pool) => $sql.postgres_as::<$row>().fetch_all(pool).await?,
        }
    };
}

impl Store {
    /// People matching `filter` within `scope`, in local-key order after `after`.
    pub async fn list_people(
        &self,
        filter: &PeopleFilter,
        scope: &ReadScope,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Person>>, StoreError> {
        let mut sql = Sql::new(
            self.engine(),
            format!("{} WHERE 1 = 1", read::PERSON_SELECT),
        );
        scope.restrict(&mut sql, "p");
        if let Some(country) = filter.country {
            sql.push(" AND p.residence = ");
            sql.bind(Bind::Text(country.to_string()));
        }
        if let Some(org) = filter.organization {
            // Owned by it, or tied to it by a tie the reader may read: a
            // private tie of another organization does not show through.
            sql.push(" AND (ow.uid = ");
            sql.bind(Bind::Uid(org.uuid()));
            sql.push(
                " OR EXISTS (SELECT 1 FROM ties t JOIN organizations o ON o.id = t.to_org_id \
                 WHERE t.from_person_id = p.id AND o.uid = ",
            );
            sql.bind(Bind::Uid(org.uuid()));
            scope.restrict(&mut sql, "t");
            sql.push("))");
        }
        if let Some(skill) = &filter.skill {
            json_contains_any(&mut sql, "p.skills", vec![skill.to_string()]);
        }
        if let Some(sector) = filter.sector {
            json_contains_any(&mut sql, "p.sectors", vec![sector.to_string()]);
        }
        if let Some((language, level)) = filter.language {
            json_contains_any(&mut sql, "p.languages", levels_at_least(language, level));
        }
        if let Some(text) = filter.text.as_ref().map(Text::as_str) {
            sql.push(" AND ");
            name_contains(&mut sql, "p", text.trim());
        }
        page(&mut sql, "p", after, limit);
        let rows = fetch!(self, sql, PersonRow);
        rows.into_iter().map(PersonRow::into_stored).collect()
    }

    /// How many people, organizations and ties `scope` lets one read.
    pub async fn visible_counts(&self, scope: &ReadScope) -> Result<Counts, StoreError> {
        if scope.everything {
            return self.counts().await;
        }
        let mut sql = Sql::new(
            self.engine(),
            "SELECT (SELECT count(*) FROM organizations o WHERE 1 = 1",
        );
        scope.restrict(&mut sql, "o");
        sql.push("), (SELECT count(*) FROM people p WHERE 1 = 1");
        scope.restrict(&mut sql, "p");
        sql.push(
            "), (SELECT count(*) FROM ties t \
            LEFT JOIN people fp ON fp.id = t.from_person_id \
            LEFT JOIN organizations fo ON fo.id = t.from_org_id \
            LEFT JOIN people tp ON tp.id = t.to_person_id \
            LEFT JOIN organizations tg ON tg.id = t.to_org_id \
            LEFT JOIN events te ON te.id = t.to_event_id WHERE 1 = 1",
        );
        scope.restrict_tie(&mut sql);
        sql.push("), (SELECT count(*) FROM events e WHERE 1 = 1");
        scope.restrict(&mut sql, "e");
        sql.push(")");
        let (organizations, people, ties, events): (i64, i64, i64, i64) = match &self.pool {
            Pool::Sqlite(pool) => sql.sqlite_as().fetch_one(pool).await?,
            Pool::Postgres(pool) => sql.postgres_as().fetch_one(pool).await?,
        };
        Ok(Counts {
            organizations,
            people,
            ties,
            events,
        })
    }

    /// The people most recently added, within `scope`, newest first.
    pub async fn recent_people(
        &self,
        scope: &ReadScope,
        limit: i64,
    ) -> Result<Vec<Stored<Person>>, StoreError> {
        let mut sql = Sql::new(
            self.engine(),
            format!("{} WHERE 1 = 1", read::PERSON_SELECT),
        );
        scope.restrict(&mut sql, "p");
        sql.push(" ORDER BY p.id DESC LIMIT ");
        sql.bind(Bind::Int(limit));
        let rows = fetch!(self, sql, PersonRow);
        rows.into_iter().map(PersonRow::into_stored).collect()
    }

    pub async fn list_organizations(
        &self,
        filter: &OrganizationFilter,
        scope: &ReadScope,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Organization<Link>>>, StoreError> {
        let mut sql = Sql::new(
            self.engine(),
            format!("{} WHERE 1 = 1", read::ORGANIZATION_SELECT),
        );
        scope.restrict(&mut sql, "o");
        if let Some(country) = filter.country {
            sql.push(" AND o.country = ");
            sql.bind(Bind::Text(country.to_string()));
        }
        if let Some(org_type) = filter.org_type {
            sql.push(" AND o.org_type = ");
            sql.bind(Bind::Int(i64::from(org_type.code())));
        }
        if let Some(sector) = filter.sector {
            json_contains_any(&mut sql, "o.sectors", vec![sector.to_string()]);
        }
        if let Some(parent) = filter.parent {
            sql.push(" AND pa.uid = ");
            sql.bind(Bind::Uid(parent.uuid()));
        }
        if let Some(text) = filter.text.as_ref().map(Text::as_str) {
            let text = text.trim();
            sql.push(" AND (lower(coalesce(o.acronym, '')) = ");
            sql.bind(Bind::Text(text.to_lowercase()));
            sql.push(" OR ");
            name_contains(&mut sql, "o", text);
            sql.push(")");
        }
        page(&mut sql, "o", after, limit);
        let rows = fetch!(self, sql, OrganizationRow);
        rows.into_iter().map(OrganizationRow::into_stored).collect()
    }

    /// Events matching `filter` within `scope`, in local-key order after
    /// `after`.
    pub async fn list_events(
        &self,
        filter: &EventFilter,
        scope: &ReadScope,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Event<Link>>>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{} WHERE 1 = 1", read::EVENT_SELECT));
        scope.restrict(&mut sql, "e");
        if let Some(country) = filter.country {
            sql.push(" AND e.country = ");
            sql.bind(Bind::Text(country.to_string()));
        }
        if let Some(kind) = filter.kind {
            sql.push(" AND e.kind = ");
            sql.bind(Bind::Text(kind.as_str().to_owned()));
        }
        if let Some(organizer) = filter.organizer {
            sql.push(" AND og.uid = ");
            sql.bind(Bind::Uid(organizer.uuid()));
        }
        page(&mut sql, "e", after, limit);
        let rows = fetch!(self, sql, EventRow);
        rows.into_iter().map(EventRow::into_stored).collect()
    }

    /// Ties matching `filter` within `scope`, both ends visible too, in
    /// local-key order after `after`.
    pub async fn list_ties(
        &self,
        filter: &TieFilter,
        scope: &ReadScope,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Tie<Link>>>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{} WHERE 1 = 1", read::TIE_SELECT));
        if let Some(uid) = filter.end {
            // By local key, so that the indexes on the end columns serve.
            let (key, [from, to]) = if let Some(key) = self.person_key(uid).await? {
                (key, ["t.from_person_id", "t.to_person_id"])
            } else if let Some(key) = self.organization_key(uid).await? {
                (key, ["t.from_org_id", "t.to_org_id"])
            } else if let Some(key) = self.event_key(uid).await? {
                // No tie starts at an event.
                (key, ["NULL", "t.to_event_id"])
            } else {
                return Ok(Vec::new());
            };
            sql.push(&format!(" AND ({from} = "));
            sql.bind(Bind::Int(key));
            sql.push(&format!(" OR {to} = "));
            sql.bind(Bind::Int(key));
            sql.push(")");
        }
        if let Some(kind) = filter.kind {
            sql.push(" AND t.kind = ");
            sql.bind(Bind::Text(kind.as_str().to_owned()));
        }
        scope.restrict_tie(&mut sql);
        page(&mut sql, "t", after, limit);
        let rows = fetch!(self, sql, TieRow);
        rows.into_iter().map(TieRow::into_stored).collect()
    }
}
