//! The OpenAPI 3.1 document of the JSON API, generated from the handlers'
//! annotations.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::{ErrorBody, ErrorDetail, FieldFault};
use crate::{
    api, api_aftercare, api_knowledge, api_matching, api_network, api_programs, api_search,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "kyoso API",
        description = "People, organizations and ties of the network-based cooperation registry. \
Records have the shape of kyoso's JSON files. Errors are `{\"error\": {\"code\", \"message\", \"field\"}}` \
with a fixed catalogue of codes. Scripts authenticate with `Authorization: Bearer TOKEN` \
(`kyoso token create EMAIL`); without a token, only public records are visible.",
        license(name = "Apache-2.0")
    ),
    paths(
        api::healthz,
        api::list_people,
        api::get_person,
        api::create_person,
        api::update_person,
        api::delete_person,
        api::person_ties,
        api::person_data,
        api::erase_person,
        api::request_erasure,
        api::erasure_requests,
        api::decide_erasure,
        api::list_organizations,
        api::get_organization,
        api::create_organization,
        api::update_organization,
        api::delete_organization,
        api::organization_ties,
        api::list_events,
        api::get_event,
        api::create_event,
        api::update_event,
        api::delete_event,
        api::event_ties,
        api::list_ties,
        api::get_tie,
        api::create_tie,
        api::update_tie,
        api::delete_tie,
        api_programs::list_programs,
        api_programs::get_program,
        api_programs::create_program,
        api_programs::update_program,
        api_programs::list_cohorts,
        api_programs::create_cohort,
        api_programs::cohort_board,
        api_programs::create_participation,
        api_programs::get_participation,
        api_programs::record_journey,
        api_programs::person_participations,
        api_programs::work_list,
        api_aftercare::list_placements,
        api_aftercare::add_placement,
        api_aftercare::list_visits,
        api_aftercare::record_visit,
        api_aftercare::list_grievances,
        api_aftercare::raise_grievance,
        api_aftercare::get_grievance,
        api_aftercare::update_grievance,
        api_aftercare::list_follow_ups,
        api_aftercare::record_follow_up,
        api_aftercare::list_outcomes,
        api_aftercare::record_outcome,
        api_aftercare::withdraw_outcome,
        api_search::search,
        api_knowledge::list_lessons,
        api_knowledge::create_lesson,
        api_knowledge::get_lesson,
        api_knowledge::update_lesson,
        api_knowledge::delete_lesson,
        api_knowledge::translate_lesson,
        api_knowledge::remove_lesson_translation,
        api_knowledge::list_questions,
        api_knowledge::ask,
        api_knowledge::get_question,
        api_knowledge::withdraw_question,
        api_knowledge::answer,
        api_knowledge::accept,
        api_network::path,
        api_network::hubs,
        api_network::flag_hub,
        api_network::unflag_hub,
        api_network::brokers,
        api_network::communities,
        api_network::growth,
        api_matching::list_needs,
        api_matching::create_need,
        api_matching::get_need,
        api_matching::update_need,
        api_matching::set_need_status,
        api_matching::rank,
        api_matching::propose,
        api_matching::need_matches,
        api_matching::pipeline,
        api_matching::get_match,
        api_matching::move_match,
        api_matching::list_offers,
        api_matching::create_offer,
        api_matching::get_offer,
        api_matching::update_offer,
        api_matching::delete_offer,
        api_matching::assign_round,
        api::me,
        api::audit,
    ),
    components(schemas(
        api::PersonJson,
        api::PeoplePage,
        api::OrganizationJson,
        api::OrganizationsPage,
        api::TieJson,
        api::TiesPage,
        api::EventJson,
        api::EventsPage,
        api::SubjectDataJson,
        api::ErasureRequestJson,
        api::ErasureRequestsPage,
        api::ErasureDecisionBody,
        api_programs::ProgramBody,
        api_programs::FunderBody,
        api_programs::BudgetBody,
        api_programs::DemonstrationBody,
        api_programs::MilestoneBody,
        api_programs::CohortBody,
        api_programs::ParticipationBody,
        api_programs::JourneyBody,
        api_aftercare::PlacementBody,
        api_aftercare::VisitBody,
        api_aftercare::GrievanceBody,
        api_aftercare::GrievanceEventBody,
        api_aftercare::FollowUpBody,
        api_aftercare::OutcomeBody,
        api_matching::NeedBody,
        api_matching::OfferBody,
        api_matching::NeedStatusBody,
        api_matching::ProposeBody,
        api_matching::MoveBody,
        api_knowledge::LessonBody,
        api_knowledge::TranslationBody,
        api_knowledge::QuestionBody,
        api_knowledge::AnswerBody,
        api_knowledge::AcceptBody,
        ErrorBody,
        ErrorDetail,
        FieldFault,
    )),
    modifiers(&Bearer),
    tags(
        (name = "people"), (name = "organizations"), (name = "events"), (name = "ties"), (name = "programs"), (name = "grievances"), (name = "network"), (name = "matching"), (name = "search"), (name = "knowledge"), (name = "account"), (name = "service"),
    )
)]
pub(crate) struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

#[cfg(test)]
mod tests {
    use kyoso_domain::{Event, Organization, Person, RecordRef, Tie};
    use kyoso_exchange::Record;

    use super::*;

    fn properties(doc: &serde_json::Value, schema: &str) -> Vec<String> {
        let mut names: Vec<String> = doc["components"]["schemas"][schema]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no schema {schema}"))
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    fn columns<T: Record>() -> Vec<String> {
        let mut names: Vec<String> = T::COLUMNS.iter().map(|c| (*c).to_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn the_documented_shapes_are_the_file_columns() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        assert_eq!(properties(&doc, "PersonJson"), columns::<Person>());
        assert_eq!(
            properties(&doc, "OrganizationJson"),
            columns::<Organization<RecordRef>>()
        );
        assert_eq!(properties(&doc, "TieJson"), columns::<Tie<RecordRef>>());
        assert_eq!(properties(&doc, "EventJson"), columns::<Event<RecordRef>>());
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    }
}
