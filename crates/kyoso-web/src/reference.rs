//! The API reference page: the OpenAPI document rendered as plain HTML, so
//! that it reads offline, with nothing fetched from elsewhere.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;
use utoipa::OpenApi;

use crate::AppState;
use crate::auth::PageContext;
use crate::openapi::ApiDoc;
use crate::pages::{Chrome, chrome_for, render_page};

#[derive(Debug)]
struct Operation {
    anchor: String,
    method: String,
    path: String,
    summary: String,
    parameters: Vec<(String, String, String)>,
    body: String,
    responses: Vec<String>,
}

#[derive(Template)]
#[template(path = "api.html")]
struct ReferencePage {
    chrome: Chrome,
    description: String,
    version: String,
    operations: Vec<Operation>,
    schemas: Vec<(String, String)>,
}

fn schema_name(reference: &Value) -> String {
    reference["$ref"]
        .as_str()
        .or_else(|| reference["items"]["$ref"].as_str())
        .map(|r| r.rsplit('/').next().unwrap_or(r).to_owned())
        .unwrap_or_default()
}

pub(crate) async fn reference(State(_state): State<AppState>, ctx: PageContext) -> Response {
    let doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or(Value::Null);
    let mut operations = Vec::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, methods) in paths {
            let Some(methods) = methods.as_object() else {
                continue;
            };
            for (method, op) in methods {
                let parameters = op["parameters"]
                    .as_array()
                    .map(|params| {
                        params
                            .iter()
                            .map(|p| {
                                (
                                    p["name"].as_str().unwrap_or_default().to_owned(),
                                    p["in"].as_str().unwrap_or_default().to_owned(),
                                    p["description"].as_str().unwrap_or_default().to_owned(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let body = schema_name(&op["requestBody"]["content"]["application/json"]["schema"]);
                let responses = op["responses"]
                    .as_object()
                    .map(|r| {
                        r.iter()
                            .map(|(status, response)| {
                                let schema =
                                    schema_name(&response["content"]["application/json"]["schema"]);
                                if schema.is_empty() {
                                    status.clone()
                                } else {
                                    format!("{status} {schema}")
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                operations.push(Operation {
                    anchor: format!("{method}-{}", path.replace(['/', '{', '}'], "-")),
                    method: method.to_uppercase(),
                    path: path.clone(),
                    summary: op["description"]
                        .as_str()
                        .or(op["summary"].as_str())
                        .unwrap_or_default()
                        .to_owned(),
                    parameters,
                    body,
                    responses,
                });
            }
        }
    }
    let schemas = doc["components"]["schemas"]
        .as_object()
        .map(|schemas| {
            schemas
                .iter()
                .map(|(name, schema)| {
                    let fields = schema["properties"]
                        .as_object()
                        .map(|p| p.keys().cloned().collect::<Vec<_>>().join(", "))
                        .unwrap_or_default();
                    (name.clone(), fields)
                })
                .collect()
        })
        .unwrap_or_default();
    let page = ReferencePage {
        chrome: chrome_for(&ctx, "API", ""),
        description: doc["info"]["description"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        version: doc["openapi"].as_str().unwrap_or_default().to_owned(),
        operations,
        schemas,
    };
    render_page(&ctx, StatusCode::OK, &page)
}
