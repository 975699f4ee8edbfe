//! The server holds up against slow and hostile clients.

use std::time::{Duration, Instant};

use kyoso_web::Limits;
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::{TestApp, code};

fn limits() -> Limits {
    Limits {
        header_read_timeout: Duration::from_millis(500),
        request_timeout: Duration::from_millis(800),
        body_limit: 64 * 1024,
        max_connections: 4,
        shutdown_grace: Duration::from_secs(1),
    }
}

/// Reads until the server closes the connection; returns what it sent.
async fn read_to_close(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut buffer = Vec::new();
    match tokio::time::timeout(within, stream.read_to_end(&mut buffer)).await {
        Ok(_) => Some(String::from_utf8_lossy(&buffer).into_owned()),
        Err(_) => None,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_that_trickles_its_headers_is_cut_off() {
    let app = TestApp::start_with(kyoso_testkit::engines()[0], limits()).await;
    let mut stream = TcpStream::connect(app.addr).await.unwrap();
    let started = Instant::now();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    // Keep sending a header line now and then, never finishing.
    let writer = async {
        for i in 0..20 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if stream
                .write_all(format!("X-Slow-{i}: y\r\n").as_bytes())
                .await
                .is_err()
            {
                break;
            }
        }
    };
    writer.await;
    let closed = read_to_close(&mut stream, Duration::from_secs(3)).await;
    assert!(closed.is_some(), "the connection was not closed");
    assert!(started.elapsed() < Duration::from_secs(4));
    // The server still answers others.
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_that_takes_too_long_times_out() {
    let app = TestApp::start_with(kyoso_testkit::engines()[0], limits()).await;
    let mut stream = TcpStream::connect(app.addr).await.unwrap();
    let token = &app.tokens["officer"];
    // Headers promise a body that arrives too slowly to finish in time.
    let head = format!(
        "POST /api/v1/people HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let reply = read_to_close(&mut stream, Duration::from_secs(5))
        .await
        .unwrap_or_default();
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(reply.contains("\"code\":\"timeout\""), "{reply}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_over_the_limit_is_refused() {
    let app = TestApp::start_with(kyoso_testkit::engines()[0], limits()).await;
    let big = format!("{{\"name_latin\": \"{}\"}}", "a".repeat(200 * 1024));
    let response = app
        .request(reqwest::Method::POST, "/api/v1/people", "officer")
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(code(&response.json().await.unwrap()), "payload_too_large");
}

#[tokio::test(flavor = "multi_thread")]
async fn connections_beyond_the_cap_are_closed() {
    let app = TestApp::start_with(kyoso_testkit::engines()[0], limits()).await;
    // Fill every place with an idle connection that has sent nothing yet.
    let mut held = Vec::new();
    for _ in 0..limits().max_connections {
        held.push(TcpStream::connect(app.addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut extra = TcpStream::connect(app.addr).await.unwrap();
    let _ = extra
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    let reply = read_to_close(&mut extra, Duration::from_secs(2)).await;
    assert_eq!(
        reply.as_deref(),
        Some(""),
        "the extra connection is closed unanswered"
    );
    // Once the held ones are gone (cut off for sending no headers), the
    // server takes connections again.
    drop(held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}
