//! The records a write names, resolved as the writer sees them. Every
//! reference field is declared beside its write type
//! ([`kyoso_domain::References`]); a write checks them all here before it
//! writes. A record the writer may not read is refused exactly as one that
//! does not exist: the same field, the same words.

use kyoso_domain::{ExternalId, RecordKind, RecordRef, Reference, ReferenceField, References, Uid};

use crate::Kyoso;
use crate::access::{Action, Resource};
use crate::{Caller, ServiceError};

impl Kyoso {
    /// Checks every record `write` names; the first one the caller cannot
    /// read, or that does not exist, refuses the write.
    pub(crate) async fn check_references<W: References>(
        &self,
        caller: &Caller,
        write: &W,
    ) -> Result<(), ServiceError> {
        for reference in write.references() {
            self.readable_reference(caller, reference).await?;
        }
        Ok(())
    }

    /// The record that `write` names in `field` (the first, for a list), if
    /// the caller may read it.
    pub(crate) async fn named_reference<W: References>(
        &self,
        caller: &Caller,
        write: &W,
        field: &str,
    ) -> Result<Option<Uid>, ServiceError> {
        match write
            .references()
            .into_iter()
            .find(|r| r.field.field == field)
        {
            Some(reference) => self.readable_reference(caller, reference).await.map(Some),
            None => Ok(None),
        }
    }

    /// The record `reference` names, if the caller may read it.
    pub(crate) async fn readable_reference(
        &self,
        caller: &Caller,
        reference: Reference<'_>,
    ) -> Result<Uid, ServiceError> {
        self.readable_reference_kind(caller, reference)
            .await
            .map(|(_, uid)| uid)
    }

    /// The record `reference` names, and which kind it is, if the caller may
    /// read it.
    pub(crate) async fn readable_reference_kind(
        &self,
        caller: &Caller,
        reference: Reference<'_>,
    ) -> Result<(RecordKind, Uid), ServiceError> {
        let kinds = reference.kinds();
        for &kind in kinds {
            if let Some(uid) = self.find_readable(caller, kind, reference.key).await? {
                return Ok((kind, uid));
            }
        }
        Err(unknown(reference.field, kinds, reference.key))
    }
}

/// The refusal of a reference to a record that is not there for the caller.
pub(crate) fn unknown(
    field: &ReferenceField,
    kinds: &[RecordKind],
    key: &RecordRef,
) -> ServiceError {
    let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    ServiceError::Invalid {
        field: Some(field.field.into()),
        message: format!("no {} has the id \"{key}\"", kinds.join(" or ")),
    }
}

impl Kyoso {
    /// By id first, then by external id, as the store resolves references.
    pub(crate) async fn find_readable(
        &self,
        caller: &Caller,
        kind: RecordKind,
        key: &RecordRef,
    ) -> Result<Option<Uid>, ServiceError> {
        let store = &self.store;
        let external = ExternalId::parse(key.as_str()).ok();
        let resource = match kind {
            RecordKind::Person => {
                let mut found = match key.as_uid() {
                    Some(uid) => store.person(uid).await?,
                    None => None,
                };
                if let (None, Some(external)) = (&found, &external) {
                    found = store.person_by_external_id(external).await?;
                }
                found.map(|p| (p.uid, Resource::person(&p)))
            }
            RecordKind::Organization => {
                let mut found = match key.as_uid() {
                    Some(uid) => store.organization(uid).await?,
                    None => None,
                };
                if let (None, Some(external)) = (&found, &external) {
                    found = store.organization_by_external_id(external).await?;
                }
                found.map(|o| (o.uid, Resource::organization(&o)))
            }
            RecordKind::Program => {
                let mut found = match key.as_uid() {
                    Some(uid) => store.program(uid).await?,
                    None => None,
                };
                if let (None, Some(external)) = (&found, &external)
                    && let Some(uid) = store.program_by_external_id(external).await?
                {
                    found = store.program(uid).await?;
                }
                found.map(|p| (p.uid, Resource::program(&p)))
            }
            RecordKind::Cohort => {
                // Cohorts have no external ids; one is read as its program is.
                let Some(cohort) = (match key.as_uid() {
                    Some(uid) => store.cohort(uid).await?,
                    None => None,
                }) else {
                    return Ok(None);
                };
                let Some(program) = store.program(cohort.record.program.uid).await? else {
                    return Ok(None);
                };
                let Resource::Program(program) = Resource::program(&program) else {
                    return Ok(None);
                };
                Some((cohort.uid, Resource::Cohort { program }))
            }
            RecordKind::Event => {
                let mut found = match key.as_uid() {
                    Some(uid) => store.event(uid).await?,
                    None => None,
                };
                if let (None, Some(external)) = (&found, &external) {
                    found = store.event_by_external_id(external).await?;
                }
                found.map(|e| (e.uid, Resource::event(&e)))
            }
            RecordKind::Offer => match key.as_uid() {
                Some(uid) => store
                    .offer(uid)
                    .await?
                    .map(|o| (o.uid, Resource::offer(&o))),
                None => None,
            },
        };
        Ok(resource.and_then(|(uid, resource)| caller.may(Action::Read, &resource).then_some(uid)))
    }
}
