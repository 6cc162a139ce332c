//! The JSON API under `/api/`: everything the pages do, for scripts and the tests. Changes
//! take a JSON object of fields (strings, numbers, booleans), read exactly as the forms'
//! fields are ([`ACTIONS`]); errors are `{"error": {"kind", "field", "it", "en"}}` with the
//! status of their kind. `GET /api/openapi.json` is generated from the same tables.

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};
use sportello::desk::Access;
use sportello::matching::explain::Explanation;

use super::pages::caseload::{add_person, filter};
use super::pages::changes::{ACTIONS, Action, Done, Kind, Values, perform};
use super::pages::matches::{matches_for, shortlist_for};
use super::problem::Problem;
use super::session::{COOKIE, set_cookie};
use super::state::{Auth, Shared, form_map, today};
use super::tls::Client;

/// A read of the API, as documented.
struct Read {
    path: &'static str,
    summary: &'static str,
    query: &'static [&'static str],
}

const READS: &[Read] = &[
    Read { path: "/session", summary: "The logged-in account and the CSRF token that changes must send (X-CSRF-Token)", query: &[] },
    Read { path: "/agenda", summary: "The desk's day: appointments, overdue ones, quiet paths", query: &[] },
    Read {
        path: "/caseload",
        summary: "A page of the caseload's paths",
        query: &["desk", "kind", "state", "case_manager", "target", "name", "page"],
    },
    Read { path: "/people/{id}", summary: "A person's file (the opening is audited)", query: &[] },
    Read { path: "/people/{id}/openings", summary: "Who opened the person's file, newest first", query: &[] },
    Read { path: "/people/{id}/matches", summary: "The best vacancies of the index for the person, explained", query: &[] },
    Read {
        path: "/vacancies/{id}/shortlist",
        summary: "The best people for a vacancy among those who consented to share their CV",
        query: &[],
    },
];

pub fn routes() -> Router<Shared> {
    let mut r = Router::new()
        .route("/openapi.json", get(|| async { Json(openapi()) }))
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/session", get(session))
        .route("/agenda", get(agenda))
        .route("/caseload", get(caseload))
        .route("/people", post(create_person))
        .route("/people/{id}", get(person))
        .route("/people/{id}/openings", get(openings))
        .route("/people/{id}/matches", get(matches))
        .route("/vacancies/{id}/shortlist", get(shortlist));
    for action in ACTIONS {
        let a: &'static Action = action;
        r = r.route(&format!("/{}/{{id}}/{}", a.on.api(), a.name), post(move |s, auth, id, body| change(s, auth, id, body, a)));
    }
    r
}

#[derive(Deserialize)]
struct Login {
    username: String,
    password: String,
}

async fn login(State(state): State<Shared>, ConnectInfo(Client(addr)): ConnectInfo<Client>, Json(l): Json<Login>) -> Response {
    match super::login::attempt(&state, &l.username, &l.password, addr).await {
        Ok(token) => {
            let csrf = state.sessions.get(&token).map(|s| s.csrf).unwrap_or_default();
            (AppendHeaders([(header::SET_COOKIE, set_cookie(COOKIE, &token, state.secure, None))]), Json(json!({"csrf_token": csrf})))
                .into_response()
        }
        Err(p) => p.json(),
    }
}

async fn logout(State(state): State<Shared>, auth: Auth) -> Response {
    state.sessions.end(&auth.token);
    (AppendHeaders([(header::SET_COOKIE, set_cookie(COOKIE, "", state.secure, Some(0)))]), StatusCode::NO_CONTENT).into_response()
}

async fn session(auth: Auth) -> Response {
    Json(json!({"account": auth.account, "csrf_token": auth.csrf})).into_response()
}

fn answer<T: serde::Serialize>(r: Result<T, Problem>) -> Response {
    match r {
        Ok(v) => Json(v).into_response(),
        Err(p) => p.json(),
    }
}

async fn agenda(State(state): State<Shared>, auth: Auth) -> Response {
    let account = auth.account;
    answer(state.desk(move |d| d.agenda(&account.reader(), account.list_desk(None)?.as_deref(), today())).await)
}

async fn caseload(State(state): State<Shared>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> Response {
    let (account, values) = (auth.account, Values(form_map(q)));
    answer(state.desk(move |d| d.caseload(&account.reader(), &filter(&account, &values)?.0)).await)
}

async fn person(State(state): State<Shared>, auth: Auth, Path(id): Path<i64>) -> Response {
    let account = auth.account;
    answer(
        state
            .desk(move |d| {
                d.authorize(&account, id, Access::Read)?;
                d.person_file(&account.reader(), id)
            })
            .await,
    )
}

async fn openings(State(state): State<Shared>, auth: Auth, Path(id): Path<i64>) -> Response {
    let account = auth.account;
    answer(
        state
            .desk(move |d| {
                d.authorize(&account, id, Access::Read)?;
                d.openings(id, 100)
            })
            .await,
    )
}

async fn matches(State(state): State<Shared>, auth: Auth, Path(id): Path<i64>) -> Response {
    answer(matches_for(&state, &auth.account, id).await.map(|(_, results)| {
        results.iter().map(|r| json!({"result": r, "explanation": Explanation::new(r, auth.lang)})).collect::<Vec<_>>()
    }))
}

async fn shortlist(State(state): State<Shared>, auth: Auth, Path(id): Path<String>) -> Response {
    answer(shortlist_for(&state, &auth.account, &id).await.map(|(title, rows)| {
        json!({"vacancy": id, "title": title, "people": rows.iter().map(|(r, name)| json!({"name": name, "result": r})).collect::<Vec<_>>()})
    }))
}

/// A JSON object of fields as the forms' string values.
fn fields(body: &Value) -> Result<Values, Problem> {
    let Some(object) = body.as_object() else {
        return Err(Problem::bad("body", "serve un oggetto JSON di campi", "expected a JSON object of fields"));
    };
    let mut values = std::collections::HashMap::new();
    for (k, v) in object {
        let text = match v {
            Value::Null => continue,
            Value::String(s) => s.clone(),
            Value::Bool(b) => if *b { "1" } else { "0" }.to_owned(),
            Value::Number(n) => n.to_string(),
            // A profile may come as an object: it is read as JSON text.
            other if k == "profile" => other.to_string(),
            _ => return Err(Problem::bad(k, "serve un testo, un numero o un sì/no", "expected a string, a number or a boolean")),
        };
        values.insert(k.clone(), text);
    }
    Ok(Values(values))
}

async fn create_person(State(state): State<Shared>, auth: Auth, Json(body): Json<Value>) -> Response {
    let values = match fields(&body) {
        Ok(v) => v,
        Err(p) => return p.json(),
    };
    match add_person(&state, &auth.account, values).await {
        Ok(id) => (StatusCode::CREATED, Json(json!({"id": id}))).into_response(),
        Err(p) => p.json(),
    }
}

async fn change(
    State(state): State<Shared>,
    auth: Auth,
    Path(id): Path<i64>,
    Json(body): Json<Value>,
    action: &'static Action,
) -> Response {
    let values = match fields(&body) {
        Ok(v) => v,
        Err(p) => return p.json(),
    };
    match perform(&state, &auth.account, action, id, values).await {
        Done::Made { person, created: Some(created) } => {
            (StatusCode::CREATED, Json(json!({"id": created, "person": person}))).into_response()
        }
        Done::Made { person, created: None } => Json(json!({"person": person})).into_response(),
        Done::Refused { problem, .. } | Done::Failed(problem) => problem.json(),
    }
}

/// The OpenAPI 3.1 document of the API, from [`READS`] and [`ACTIONS`].
pub fn openapi() -> Value {
    let error = json!({"description": "Refused: {\"error\": {\"kind\", \"field\", \"it\", \"en\"}}", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    let id_param = json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"}});
    let mut paths = serde_json::Map::new();
    paths.insert(
        "/api/login".into(),
        json!({"post": {"summary": "Logs in (throttled after 5 failures in 15 minutes); sets the session cookie", "security": [],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["username", "password"],
                "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
            "responses": {"200": {"description": "Logged in: {\"csrf_token\"}"}, "403": error, "429": error}}}),
    );
    paths.insert(
        "/api/logout".into(),
        json!({"post": {"summary": "Ends the session", "responses": {"204": {"description": "Logged out"}}}}),
    );
    for r in READS {
        let mut params: Vec<Value> =
            r.query.iter().map(|q| json!({"name": q, "in": "query", "required": false, "schema": {"type": "string"}})).collect();
        if r.path.contains("{id}") {
            params.push(id_param.clone());
        }
        paths.insert(
            format!("/api{}", r.path),
            json!({"get": {"summary": r.summary, "parameters": params, "responses": {"200": {"description": "JSON"}, "401": error, "403": error, "404": error}}}),
        );
    }
    let person_fields =
        ["given_name", "family_name", "codice_fiscale", "comune", "desk", "case_manager", "arrival", "arrival_date", "profile"];
    paths.insert(
        "/api/people".into(),
        json!({"post": {"summary": "Takes a new person into the caseload", "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
            "required": ["given_name", "family_name", "desk", "arrival"], "properties": person_fields.iter().map(|f| (f.to_string(), json!({"type": "string"}))).collect::<serde_json::Map<_, _>>()}}}},
            "responses": {"201": {"description": "{\"id\"}"}, "403": error, "422": error}}}),
    );
    for a in ACTIONS {
        let properties: serde_json::Map<String, Value> = a.fields.iter().map(|f| (f.name.to_owned(), field_schema(f.kind))).collect();
        let required: Vec<&str> = a.fields.iter().filter(|f| f.required).map(|f| f.name).collect();
        paths.insert(
            format!("/api/{}/{{id}}/{}", a.on.api(), a.name),
            json!({"post": {"summary": a.summary.1, "description": a.summary.0, "parameters": [id_param],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": required, "properties": properties}}}},
                "responses": {"200": {"description": "Done: {\"person\"}"}, "201": {"description": "Created: {\"id\", \"person\"}"},
                    "401": error, "403": error, "404": error, "409": error, "422": error}}}),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Sportello desk console API", "version": env!("CARGO_PKG_VERSION"),
            "description": "Changes need the session cookie and the X-CSRF-Token header (from /api/login or /api/session)."},
        "paths": paths,
        "components": {
            "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": COOKIE}},
            "schemas": {"Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                "kind": {"type": "string"}, "field": {"type": "string"}, "it": {"type": "string"}, "en": {"type": "string"}}}}}}
        },
        "security": [{"session": []}]
    })
}

fn field_schema(kind: Kind) -> Value {
    match kind {
        Kind::Text => json!({"type": "string"}),
        Kind::Day => json!({"type": "string", "description": "YYYY-MM-DD or DD/MM/YYYY"}),
        Kind::Time => json!({"type": "string", "description": "HH:MM"}),
        Kind::Number => json!({"type": ["integer", "string"]}),
        Kind::Flag => json!({"type": ["boolean", "string"]}),
        Kind::Words(names) => json!({"type": "string", "enum": names()}),
    }
}
