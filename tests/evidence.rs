//! Fetching, capturing, checking and the dossier against a small HTTP server on 127.0.0.1 (no
//! other network): redirects, loops, timeouts, charset lies, 404s, huge bodies, non-HTML types,
//! refused schemes; WARC files and dossiers read back and verified.

use factdesk::core::evidence::{self, warc};
use factdesk::core::fetch::{self, FetchControl, FetchError, FetchOptions};
use factdesk::core::model::{Article, ArticleMeta, Claim, Project, Source};
use factdesk::core::store;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/evidence")
            .join(name),
    )
    .expect("fixture")
}

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability")
}

/// What the test server answers on a path.
fn respond(path: &str, stream: &mut TcpStream) {
    let send = |stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]| {
        let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    let html = |s: &str| ("Content-Type", s.to_string());
    let redirect = |stream: &mut TcpStream, to: &str| {
        send(stream, "302 Found", &[("Location", to.to_string())], b"")
    };
    match path {
        "/article.html" => send(
            stream,
            "200 OK",
            &[html("text/html; charset=utf-8")],
            &fixture("article.html"),
        ),
        "/lying-1251.html" => send(
            stream,
            "200 OK",
            &[html("text/html; charset=windows-1251")],
            &fixture("lying-1251.html"),
        ),
        "/silent-1251.html" => send(
            stream,
            "200 OK",
            &[html("text/html; charset=windows-1251")],
            &fixture("silent-1251.html"),
        ),
        "/old" => redirect(stream, "/older"),
        "/older" => redirect(stream, "article.html"),
        "/loop-a" => redirect(stream, "/loop-b"),
        "/loop-b" => redirect(stream, "/loop-a"),
        "/to-file" => redirect(stream, "file:///etc/passwd"),
        "/missing" => send(stream, "404 Not Found", &[html("text/html")], b"<p>gone</p>"),
        "/report.pdf" => send(
            stream,
            "200 OK",
            &[html("application/pdf")],
            b"%PDF-1.4\n% a tiny pdf\n",
        ),
        "/huge-declared" => {
            // Says it is 80 MB; the client must refuse before reading.
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 83886080\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&[b'a'; 4096]);
        }
        "/huge-undeclared" => {
            // No length: the body runs on until the client stops reading.
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let chunk = [b'x'; 16 * 1024];
            for _ in 0..4096 {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
        "/slow" => {
            let body = fixture("article.html");
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            for part in body.chunks(200) {
                std::thread::sleep(Duration::from_millis(20));
                let _ = stream.write_all(part);
                let _ = stream.flush();
            }
        }
        "/never" => std::thread::sleep(Duration::from_secs(20)),
        // A chain of N redirects, then the page: /chain/3 -> /chain/2 -> /chain/1 -> /chain/0.
        p if p.starts_with("/chain/") => match p["/chain/".len()..].parse::<u32>() {
            Ok(0) => send(
                stream,
                "200 OK",
                &[html("text/html; charset=utf-8")],
                &fixture("article.html"),
            ),
            Ok(n) => redirect(stream, &format!("/chain/{}", n - 1)),
            Err(_) => send(stream, "404 Not Found", &[], b""),
        },
        // Any page under /agent/ is the article (the request's user agent is recorded).
        p if p.starts_with("/agent/") => send(
            stream,
            "200 OK",
            &[html("text/html; charset=utf-8")],
            &fixture("article.html"),
        ),
        p if p.starts_with("/hop-to-agent/") => {
            redirect(stream, &p.replacen("/hop-to-agent/", "/agent/", 1))
        }
        // N KiB that do not compress (a WARC of them is as large), as a binary download.
        p if p.starts_with("/noise/") => {
            let kib: usize = p["/noise/".len()..].parse().unwrap_or(1);
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            let body: Vec<u8> = (0..kib * 1024)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 32) as u8
                })
                .collect();
            send(
                stream,
                "200 OK",
                &[html("application/octet-stream")],
                &body,
            )
        }
        // The Internet Archive's save service, as a stand-in: it names the snapshot.
        p if p.starts_with("/save/") => send(
            stream,
            "200 OK",
            &[
                html("text/html"),
                (
                    "Content-Location",
                    format!("/web/20261203184512/{}", &p["/save/".len()..]),
                ),
            ],
            b"<p>saved</p>",
        ),
        p if p.starts_with("/corpus/") => {
            let name = p.trim_start_matches("/corpus/");
            match std::fs::read(corpus_root().join(name).join("source.html")) {
                Ok(b) => send(stream, "200 OK", &[html("text/html")], &b),
                Err(_) => send(stream, "404 Not Found", &[], b""),
            }
        }
        p if p.starts_with("/src/") => send(
            stream,
            "200 OK",
            &[html("text/html; charset=utf-8")],
            format!("<html><head><title>Source {p}</title></head><body><article><p>Statement published at {p}: the figures for the harbour bridge repairs are in the attached table, and they show forty-two million euros spent so far.</p></article></body></html>").as_bytes(),
        ),
        _ => send(stream, "404 Not Found", &[], b""),
    }
}

/// The `User-Agent` of every request the test servers received, with the path asked for.
static AGENTS: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());

/// The user agents that asked for `path`, in order.
fn agents_for(path: &str) -> Vec<String> {
    AGENTS
        .lock()
        .expect("agents")
        .iter()
        .filter(|(p, _)| p == path)
        .map(|(_, ua)| ua.clone())
        .collect()
}

/// Starts the server on a free port of 127.0.0.1; returns its base URL. It lives as long as the
/// test process.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                // Read the request headers, keeping the user agent each request came with.
                loop {
                    let mut h = String::new();
                    match reader.read_line(&mut h) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if h == "\r\n" => break,
                        Ok(_) => {
                            if let Some((name, value)) = h.split_once(':')
                                && name.eq_ignore_ascii_case("user-agent")
                            {
                                AGENTS
                                    .lock()
                                    .expect("agents")
                                    .push((target.clone(), value.trim().to_string()));
                            }
                        }
                    }
                }
                respond(&target, &mut stream);
            });
        }
    });
    format!("http://{addr}")
}

fn quick() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(20),
        env_proxy: false,
        // Only the built-in authorities, whatever the environment says.
        ca_file: None,
        ..FetchOptions::default()
    }
}

fn get(url: &str) -> Result<fetch::Fetched, FetchError> {
    fetch::fetch(url, &quick(), &FetchControl::new())
}

#[test]
fn a_page_is_fetched_with_its_redirects_and_headers() {
    let base = server();
    let f = get(&format!("{base}/old")).expect("fetch");
    assert_eq!(f.final_url(), format!("{base}/article.html"));
    assert_eq!(f.redirects.len(), 2);
    assert_eq!(f.redirects[0].status, 302);
    assert_eq!(f.page.status, 200);
    assert_eq!(f.page.body, fixture("article.html"));
    assert_eq!(f.header_charset(), Some(encoding_rs::UTF_8));
}

#[test]
fn every_failure_has_its_own_clear_error() {
    let base = server();
    let e = get(&format!("{base}/loop-a")).expect_err("loop");
    assert!(matches!(e, FetchError::RedirectLoop { .. }), "{e}");
    assert!(e.to_string().contains("redirect loop"), "{e}");
    let e = get(&format!("{base}/missing")).expect_err("404");
    assert!(matches!(e, FetchError::Status { status: 404, .. }), "{e}");
    assert!(e.to_string().contains("HTTP 404 Not Found"), "{e}");
    let e = get(&format!("{base}/to-file")).expect_err("file redirect");
    assert!(matches!(e, FetchError::Scheme { .. }), "{e}");
    let e = get(&format!("{base}/huge-declared")).expect_err("too big");
    assert!(matches!(e, FetchError::TooBig { .. }), "{e}");
    for bad in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,hi",
    ] {
        assert!(matches!(get(bad), Err(FetchError::Scheme { .. })), "{bad}");
    }
    assert!(matches!(
        get("not a url"),
        Err(FetchError::InvalidUrl { .. })
    ));
    // A port nobody listens on.
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let e = get(&format!("http://127.0.0.1:{port}/")).expect_err("refused");
    assert!(matches!(e, FetchError::Connect { .. }), "{e}");
}

#[test]
fn a_body_over_the_cap_is_refused_while_reading() {
    let base = server();
    let options = FetchOptions {
        max_bytes: 100_000,
        ..quick()
    };
    let e = fetch::fetch(
        &format!("{base}/huge-undeclared"),
        &options,
        &FetchControl::new(),
    )
    .expect_err("too big");
    assert!(
        matches!(e, FetchError::TooBig { limit: 100_000, .. }),
        "{e}"
    );
}

#[test]
fn non_pages_are_refused_for_import_and_kept_for_capture() {
    let base = server();
    let options = FetchOptions {
        pages_only: true,
        ..quick()
    };
    let e = fetch::fetch(
        &format!("{base}/report.pdf"),
        &options,
        &FetchControl::new(),
    )
    .expect_err("pdf");
    assert!(matches!(e, FetchError::NotAPage { .. }), "{e}");
    assert!(e.to_string().contains("application/pdf"), "{e}");
    let f = get(&format!("{base}/report.pdf")).expect("capture keeps it");
    assert!(f.page.body.starts_with(b"%PDF"));
}

#[test]
fn a_server_that_never_answers_is_given_up_on() {
    let base = server();
    let options = FetchOptions {
        read_timeout: Duration::from_millis(300),
        ..quick()
    };
    let e = fetch::fetch(&format!("{base}/never"), &options, &FetchControl::new())
        .expect_err("timeout");
    assert!(matches!(e, FetchError::Timeout { .. }), "{e}");
}

#[test]
fn a_slow_page_arrives_whole_and_progress_counts_its_bytes() {
    let base = server();
    let control = FetchControl::new();
    let f = fetch::fetch(&format!("{base}/slow"), &quick(), &control).expect("slow");
    assert_eq!(f.page.body, fixture("article.html"));
    assert_eq!(control.bytes(), f.page.body.len() as u64);
}

#[test]
fn a_cancelled_fetch_stops() {
    let base = server();
    let control = FetchControl::new();
    control.cancel();
    let e = fetch::fetch(&format!("{base}/slow"), &quick(), &control).expect_err("cancelled");
    assert!(matches!(e, FetchError::Cancelled { .. }), "{e}");
}

#[test]
fn https_to_a_plain_server_is_a_tls_error_never_a_downgrade() {
    let base = server();
    let url = base.replace("http://", "https://") + "/article.html";
    let e = get(&url).expect_err("tls");
    assert!(matches!(e, FetchError::Tls { .. }), "{e:?}");
    assert!(
        e.to_string().contains("not retried without encryption"),
        "{e}"
    );
    // The plain server answers the handshake with HTTP text, or hangs up on it.
    assert!(
        e.to_string()
            .contains("the server did not answer with TLS (is it a plain HTTP server?)")
            || e.to_string().contains(
                "the server closed the connection during the handshake (is it a plain HTTP server?)"
            ),
        "{e}"
    );
    assert_no_debug_text(&e.to_string());
}

#[test]
fn redirects_are_followed_up_to_the_limit_and_no_further() {
    let base = server();
    // The default limit is ten: a chain of ten arrives, one more is refused by name.
    let f = get(&format!("{base}/chain/10")).expect("ten redirects");
    assert_eq!(f.redirects.len(), 10);
    assert_eq!(f.final_url(), format!("{base}/chain/0"));
    assert_eq!(f.page.body, fixture("article.html"));
    let e = get(&format!("{base}/chain/11")).expect_err("eleven");
    assert!(
        matches!(e, FetchError::TooManyRedirects { max: 10, .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("more than 10 redirects"), "{e}");
    // A lower limit is kept exactly.
    let options = FetchOptions {
        max_redirects: 2,
        ..quick()
    };
    let two = fetch::fetch(&format!("{base}/chain/2"), &options, &FetchControl::new());
    assert_eq!(two.expect("two redirects").redirects.len(), 2);
    let e = fetch::fetch(&format!("{base}/chain/3"), &options, &FetchControl::new())
        .expect_err("three");
    assert!(
        matches!(e, FetchError::TooManyRedirects { max: 2, .. }),
        "{e:?}"
    );
}

#[test]
fn every_request_says_it_is_a_browser() {
    let base = server();
    let f = get(&format!("{base}/hop-to-agent/library")).expect("fetch");
    assert_eq!(f.redirects.len(), 1);
    for path in ["/hop-to-agent/library", "/agent/library"] {
        assert_eq!(
            agents_for(path),
            [fetch::USER_AGENT],
            "{path}: every hop sends the browser-like agent"
        );
    }
    assert!(fetch::USER_AGENT.starts_with("Mozilla/5.0 ("));
    assert!(fetch::USER_AGENT.contains("Chrome/"));
    // The agent sent is the one recorded in the capture's request.
    assert!(
        f.page
            .request_headers
            .iter()
            .any(|(k, v)| k == "User-Agent" && v == fetch::USER_AGENT)
    );
    // The command line sends the same.
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    ok(&factdesk(&["new", project.to_str().expect("utf8")]));
    ok(&factdesk(&[
        "import",
        project.to_str().expect("utf8"),
        "--url",
        &format!("{base}/agent/command-line"),
    ]));
    assert_eq!(agents_for("/agent/command-line"), [fetch::USER_AGENT]);
}

// ---- a real certificate error: https from 127.0.0.1 with certificates nobody trusts ----

/// Starts an https server on 127.0.0.1 presenting the certificate `tests/fixtures/tls/NAME.pem`
/// (key `NAME.key.pem`). Returns its base URL and the first byte of every connection it got: a
/// TLS handshake starts with 0x16, a plain HTTP request with a letter.
fn tls_server(name: &str) -> (String, std::sync::Arc<std::sync::Mutex<Vec<u8>>>) {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls");
    let cert = CertificateDer::from_pem_file(dir.join(format!("{name}.pem"))).expect("cert");
    let key = PrivateKeyDer::from_pem_file(dir.join(format!("{name}.key.pem"))).expect("key");
    let config = std::sync::Arc::new(
        rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .expect("server config"),
    );
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let first_bytes = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = first_bytes.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let config = config.clone();
            let seen = seen.clone();
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let mut first = [0u8; 1];
                if stream.peek(&mut first).is_ok_and(|n| n == 1) {
                    seen.lock().expect("seen").push(first[0]);
                }
                let Ok(conn) = rustls::ServerConnection::new(config) else {
                    return;
                };
                let mut tls = rustls::StreamOwned::new(conn, stream);
                // Should a client ever accept the certificate, it gets a page (and the test fails).
                let mut request = [0u8; 1024];
                if tls.read(&mut request).is_ok() {
                    let body = fixture("article.html");
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = tls.write_all(head.as_bytes());
                    let _ = tls.write_all(&body);
                    let _ = tls.flush();
                }
            });
        }
    });
    (format!("https://{addr}"), first_bytes)
}

/// rustls's own words that must never reach the analyst.
fn assert_no_debug_text(message: &str) {
    for debug in [
        "OtherError",
        "CaUsedAsEndEntity",
        "UnknownIssuer",
        "InvalidCertificate",
        "Other(",
        "Context {",
    ] {
        assert!(
            !message.contains(debug),
            "debug text {debug:?} in: {message}"
        );
    }
}

#[test]
fn a_self_signed_certificate_is_refused_in_plain_words_and_never_downgraded() {
    // "self": made by `openssl req -x509`, so a certificate authority's certificate used by the
    // server itself; "leaf": self-signed but marked as no authority (an unknown issuer).
    for name in ["self", "leaf"] {
        let (base, first_bytes) = tls_server(name);
        let e = get(&format!("{base}/article.html")).expect_err("untrusted");
        assert!(matches!(e, FetchError::Tls { .. }), "{name}: {e:?}");
        let message = e.to_string();
        assert!(
            message.contains(
                "the server's certificate is not trusted (self-signed or unknown issuer)"
            ),
            "{name}: {message}"
        );
        assert!(
            message.contains("not retried without encryption"),
            "{message}"
        );
        assert_no_debug_text(&message);
        let bytes = first_bytes.lock().expect("seen").clone();
        assert!(!bytes.is_empty(), "{name}: the server was reached");
        assert!(
            bytes.iter().all(|b| *b == 0x16),
            "{name}: every connection was a TLS handshake, none plain HTTP: {bytes:?}"
        );
    }
}

#[test]
fn an_expired_certificate_is_named_as_such() {
    let (base, _) = tls_server("expired");
    let e = get(&format!("{base}/")).expect_err("expired");
    assert!(matches!(e, FetchError::Tls { .. }), "{e:?}");
    assert!(
        e.to_string()
            .contains("the server's certificate has expired"),
        "{e}"
    );
    assert_no_debug_text(&e.to_string());
}

#[test]
fn import_from_a_server_with_an_untrusted_certificate_fails_and_changes_nothing() {
    let (base, first_bytes) = tls_server("self");
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    ok(&factdesk(&["new", project.to_str().expect("utf8")]));
    let before = std::fs::read(&project).expect("read");
    let out = factdesk(&[
        "import",
        project.to_str().expect("utf8"),
        "--url",
        &format!("{base}/"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("factdesk: "), "{err}");
    assert!(
        err.contains("secure connection (TLS) failed: the server's certificate is not trusted (self-signed or unknown issuer); not retried without encryption"),
        "{err}"
    );
    assert_no_debug_text(&err);
    assert_eq!(std::fs::read(&project).expect("read"), before, "unchanged");
    assert!(!evidence::evidence_dir(&project).exists(), "nothing kept");
    let bytes = first_bytes.lock().expect("seen").clone();
    assert!(
        !bytes.is_empty() && bytes.iter().all(|b| *b == 0x16),
        "only TLS handshakes, never a retry over plain HTTP: {bytes:?}"
    );
}

#[test]
fn the_header_charset_wins_when_the_page_lies_or_is_silent() {
    let base = server();
    for page in ["lying-1251.html", "silent-1251.html"] {
        let f = get(&format!("{base}/{page}")).expect("fetch");
        let i = factdesk::core::import::import_bytes_with_charset(
            f.final_url(),
            &f.page.body,
            f.header_charset(),
        )
        .expect("import");
        assert_eq!(i.encoding, "windows-1251", "{page}");
        assert_eq!(i.meta.title, "Мост откроется в марте", "{page}");
        assert!(i.body.contains("восемнадцати месяцев"), "{page}");
    }
}

#[test]
fn a_capture_is_a_readable_warc_with_the_payload_hash() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    let c = evidence::capture_url(
        &project,
        &format!("{base}/old"),
        &quick(),
        &FetchControl::new(),
    );
    assert!(c.is_captured(), "{c:?}");
    assert_eq!(c.final_url, format!("{base}/article.html"));
    assert_eq!(c.status, 200);
    assert_eq!(c.sha256, warc::sha256_hex(&fixture("article.html")));
    let path = evidence::evidence_dir(&project).join(&c.file);
    let bytes = std::fs::read(&path).expect("warc on disk");
    // Read back record by record with the warc crate.
    let recs = warc::records(&bytes).expect("records");
    let kinds: Vec<String> = recs.iter().map(|r| r.warc_type().to_string()).collect();
    assert_eq!(
        kinds,
        [
            "warcinfo", "request", "response", "request", "response", "request", "response"
        ]
    );
    let text = evidence::readable_text(&project, &c.file).expect("text");
    assert_eq!(
        text.meta.title,
        "Harbour bridge to reopen in March, council says"
    );
    assert!(text.body.contains("42 million euros"));
    // A failure is recorded, not thrown.
    let failed = evidence::capture_url(
        &project,
        &format!("{base}/missing"),
        &quick(),
        &FetchControl::new(),
    );
    assert!(!failed.is_captured());
    assert!(failed.error.contains("404"), "{}", failed.error);
}

/// The test authority that signed `other.pem` (for other.example) and `local.pem` (for
/// 127.0.0.1).
fn test_authority() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls/ca.pem")
}

#[test]
fn a_certificate_for_another_host_is_refused_naming_both_hosts() {
    // A certificate from a trusted authority, but for other.example, on 127.0.0.1.
    let (base, first_bytes) = tls_server("other");
    let options = FetchOptions {
        ca_file: Some(test_authority()),
        ..quick()
    };
    let e =
        fetch::fetch(&format!("{base}/"), &options, &FetchControl::new()).expect_err("wrong host");
    assert!(matches!(e, FetchError::Tls { .. }), "{e:?}");
    let message = e.to_string();
    assert!(
        message.contains("the server's certificate is not for 127.0.0.1 (it names other.example)"),
        "{message}"
    );
    assert!(
        message.contains("not retried without encryption"),
        "{message}"
    );
    assert_no_debug_text(&message);
    assert!(!message.contains("DnsName"), "{message}");
    let bytes = first_bytes.lock().expect("seen").clone();
    assert!(
        !bytes.is_empty() && bytes.iter().all(|b| *b == 0x16),
        "only TLS handshakes: {bytes:?}"
    );
}

#[test]
fn an_authority_named_in_the_ca_file_is_trusted_instead_of_the_built_in_ones() {
    let (base, _) = tls_server("local");
    let url = format!("{base}/");
    // Not trusted by the built-in authorities...
    let e = get(&url).expect_err("unknown issuer");
    assert!(e.to_string().contains("not trusted"), "{e}");
    // ...trusted through the file, from the command line as the app would.
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    let p = project.to_str().expect("utf8");
    ok(&factdesk(&["new", p]));
    let ca = test_authority();
    let ca = ca.to_str().expect("utf8");
    ok(&factdesk_with(
        &["import", p, "--url", &url],
        &[(fetch::CA_FILE_ENV, ca)],
    ));
    let saved = factdesk::core::store::load(&project).expect("load");
    assert_eq!(
        saved.articles.len(),
        1,
        "imported over the trusted connection"
    );
    assert_eq!(saved.articles[0].meta.url, url);
    // A file that holds no certificate is refused before anything is fetched, naming the file.
    let not_pem = dir.path().join("roots.pem");
    std::fs::write(&not_pem, "not a certificate\n").expect("write");
    let out = factdesk_with(
        &["import", p, "--url", &url],
        &[(fetch::CA_FILE_ENV, not_pem.to_str().expect("utf8"))],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("roots.pem (FACTDESK_CA_FILE) cannot be used: it holds no certificate"),
        "{err}"
    );
    assert_eq!(
        factdesk::core::store::load(&project)
            .expect("load")
            .articles
            .len(),
        1,
        "nothing added"
    );
}

// ---- command line ----

#[path = "support/cli.rs"]
mod support;

fn factdesk(args: &[&str]) -> std::process::Output {
    factdesk_with(args, &[])
}

/// [`factdesk`] with more environment variables.
fn factdesk_with(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    support::bin()
        .args(args)
        .env_remove(fetch::CA_FILE_ENV)
        .envs(env.iter().copied())
        .env("FACTDESK_ANALYST", "Test Analyst")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("run factdesk")
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "status {:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A project with one article and `n` claims, each citing one source on the test server.
fn project_with_sources(path: &Path, base: &str, n: usize) {
    let mut p = Project::new("Evidence test");
    let body = "The council said the bridge reopens in March. ".repeat(n.max(1));
    let a = Article::new(ArticleMeta::default(), &body);
    let id = a.id.clone();
    p.articles.push(a);
    for i in 0..n {
        let start = i * 47;
        let anchor =
            factdesk::core::model::Anchor::new(&p.articles[0].body, start..start + 44).expect("a");
        let mut c = Claim::new(id.clone(), anchor, factdesk::core::time::Timestamp::now());
        c.status = factdesk::core::model::Status::Sourced;
        c.sources.push(Source::from_url(&format!("{base}/src/{i}")));
        p.insert_claim(c);
    }
    store::save(path, &p).expect("save");
}

#[test]
fn import_url_adds_the_article_and_keeps_the_page() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    ok(&factdesk(&["new", project.to_str().expect("utf8")]));
    let url = format!("{base}/old");
    let out = ok(&factdesk(&[
        "import",
        project.to_str().expect("utf8"),
        "--url",
        &url,
    ]));
    assert!(out.contains("Harbour bridge to reopen"), "{out}");
    let p = store::load(&project).expect("load");
    let a = &p.articles[0];
    assert_eq!(a.meta.url, format!("{base}/article.html"));
    assert_eq!(a.captures.len(), 1);
    assert!(
        evidence::evidence_dir(&project)
            .join(&a.captures[0].file)
            .is_file()
    );
    ok(&factdesk(&["check", project.to_str().expect("utf8")]));

    // Bad addresses change nothing.
    for bad in [
        "file:///etc/passwd",
        "javascript:alert(1)",
        &format!("{base}/missing"),
        &format!("{base}/report.pdf"),
    ] {
        let out = factdesk(&["import", project.to_str().expect("utf8"), "--url", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("factdesk: "), "{err}");
    }
    assert_eq!(store::load(&project).expect("load").articles.len(), 1);
}

#[test]
fn capture_records_each_source_and_check_finds_tampering() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    project_with_sources(&project, &base, 3);
    let ps = project.to_str().expect("utf8");
    let out = ok(&factdesk(&["capture", ps]));
    assert_eq!(
        out.lines().filter(|l| l.starts_with("captured\t")).count(),
        3,
        "{out}"
    );
    let p = store::load(&project).expect("load");
    for c in &p.claims {
        let cap = &c.sources[0].captures;
        assert_eq!(cap.len(), 1);
        assert_eq!(cap[0].status, 200);
        assert_eq!(cap[0].sha256.len(), 64);
    }
    // Nothing left to capture without --all; --all makes new dated captures and keeps the old.
    let out = factdesk(&["capture", ps]);
    assert!(out.status.success());
    ok(&factdesk(&["capture", ps, "--all"]));
    let p = store::load(&project).expect("load");
    assert!(p.claims.iter().all(|c| c.sources[0].captures.len() == 2));
    let first = p.claims[0].sources[0].captures[0].file.clone();
    assert_ne!(first, p.claims[0].sources[0].captures[1].file);
    let claim = p.claims[1].id.as_str().to_string();
    ok(&factdesk(&["capture", ps, "--claim", &claim]));
    let p = store::load(&project).expect("load");
    assert_eq!(p.claims[1].sources[0].captures.len(), 3);
    assert_eq!(p.claims[0].sources[0].captures.len(), 2);

    // Offline text of a capture.
    let shown = ok(&factdesk(&[
        "capture",
        ps,
        "--show",
        &format!("{base}/src/0"),
    ]));
    assert!(shown.contains("forty-two million euros"), "{shown}");
    let listed = ok(&factdesk(&["capture", ps, "--list"]));
    assert_eq!(listed.lines().count(), 7, "{listed}");

    ok(&factdesk(&["check", ps]));
    // Alter one file and remove another: check names both and exits 1.
    let ev = evidence::evidence_dir(&project);
    let altered = ev.join(&first);
    let mut page = warc::final_response(&std::fs::read(&altered).expect("read")).expect("resp");
    page.payload.extend_from_slice(b"<!-- changed -->");
    let fake = fetch::Fetched {
        redirects: vec![],
        page: fetch::Exchange {
            url: page.url.clone(),
            request_headers: vec![],
            status: 200,
            headers: vec![],
            body: page.payload,
        },
    };
    std::fs::write(&altered, warc::build(&fake, &first).expect("build")).expect("write");
    let gone = p.claims[1].sources[0].captures[0].file.clone();
    std::fs::remove_file(ev.join(&gone)).expect("rm");
    let out = factdesk(&["check", ps]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("{first} was altered")), "{text}");
    assert!(text.contains(&format!("{gone} is missing")), "{text}");
}

#[test]
fn a_failed_capture_is_recorded_and_an_unwritable_folder_leaves_no_dangling_capture() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    project_with_sources(&project, &base, 1);
    let ps = project.to_str().expect("utf8");
    // The evidence folder's place is taken by a file: nothing can be written there.
    std::fs::write(evidence::evidence_dir(&project), "in the way").expect("block");
    let out = factdesk(&["capture", ps]);
    assert_eq!(out.status.code(), Some(1));
    let p = store::load(&project).expect("load");
    let caps = &p.claims[0].sources[0].captures;
    assert_eq!(caps.len(), 1);
    assert!(!caps[0].is_captured());
    assert!(
        caps[0].error.contains("evidence folder"),
        "{}",
        caps[0].error
    );
    ok(&factdesk(&["check", ps]));
}

/// A real write failure halfway through a capture, as on a full disk: the capture command runs
/// with its file size limited to 32 KiB (`ulimit -f 64`, in 512-byte blocks) and SIGXFSZ
/// ignored, so writing a larger WARC fails with "File too large" (EFBIG) after the first 32 KiB,
/// the way a full disk fails with ENOSPC. (A read-only evidence folder would not do: these tests
/// run as root, which writes anywhere; a file in the folder's place is the test above.)
#[cfg(unix)]
#[test]
fn a_capture_cut_short_by_a_failing_write_leaves_the_project_consistent() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    project_with_sources(&project, &base, 2);
    // The second claim cites 256 KiB that do not compress: its WARC cannot be written.
    let mut p = store::load(&project).expect("load");
    let big = format!("{base}/noise/256");
    p.claims[1].sources = vec![Source::from_url(&big)];
    store::save(&project, &p).expect("save");
    let ps = project.to_str().expect("utf8");
    let out = Command::new("sh")
        .args([
            "-c",
            "ulimit -f 64 && trap '' XFSZ && exec \"$@\"",
            "sh",
            env!("CARGO_BIN_EXE_factdesk"),
            "capture",
            ps,
        ])
        .env("FACTDESK_ANALYST", "Test Analyst")
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .output()
        .expect("run factdesk under a file size limit");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let p = store::load(&project).expect("the project was saved whole");
    // The small page was kept; the large one is recorded as failed, saying why.
    let small = &p.claims[0].sources[0].captures;
    assert_eq!(small.len(), 1);
    assert!(small[0].is_captured(), "{:?}", small[0]);
    let failed = &p.claims[1].sources[0].captures;
    assert_eq!(failed.len(), 1);
    assert!(!failed[0].is_captured());
    assert!(failed[0].file.is_empty(), "a failed capture names no file");
    assert!(
        failed[0].error.contains("File too large"),
        "{}",
        failed[0].error
    );
    // Only the kept capture is on disk: no half-written WARC, no temporary file.
    let ev = evidence::evidence_dir(&project);
    let files: Vec<String> = std::fs::read_dir(&ev)
        .expect("evidence folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, [small[0].file.clone()], "{files:?}");
    // check agrees: every capture named is there with its hash.
    ok(&factdesk(&["check", ps]));
    // With room again, the same source is captured.
    ok(&factdesk(&["capture", ps]));
    let p = store::load(&project).expect("load");
    assert!(p.claims[1].sources[0].captures[1].is_captured());
    ok(&factdesk(&["check", ps]));
}

#[test]
fn the_dossier_holds_every_file_with_a_matching_hash() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    project_with_sources(&project, &base, 2);
    let ps = project.to_str().expect("utf8");
    ok(&factdesk(&["capture", ps]));
    let zip_path = dir.path().join("out.zip");
    let zs = zip_path.to_str().expect("utf8");
    let out = factdesk(&["export", ps, "--format", "dossier"]);
    assert_eq!(out.status.code(), Some(1), "-o is required");
    ok(&factdesk(&["export", ps, "--format", "dossier", "-o", zs]));

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("open")).expect("zip");
    let mut read = |name: &str| {
        let mut f = zip.by_name(name).expect(name);
        let mut v = Vec::new();
        f.read_to_end(&mut v).expect("read");
        v
    };
    let manifest: serde_json::Value = serde_json::from_slice(&read("manifest.json")).expect("json");
    let files = manifest["files"].as_array().expect("files");
    let names: Vec<&str> = files.iter().filter_map(|f| f["path"].as_str()).collect();
    assert!(names.contains(&"report.html"));
    assert!(names.contains(&"claimreview.jsonld"));
    assert!(names.contains(&"claims.json"));
    assert_eq!(
        names.iter().filter(|n| n.starts_with("evidence/")).count(),
        2
    );
    for f in files {
        let path = f["path"].as_str().expect("path");
        let bytes = read(path);
        assert_eq!(
            f["sha256"].as_str(),
            Some(warc::sha256_hex(&bytes).as_str()),
            "{path}"
        );
    }
    let report = String::from_utf8(read("report.html")).expect("utf8");
    let p = store::load(&project).expect("load");
    for c in &p.claims {
        let link = format!("href=\"evidence/{}\"", c.sources[0].captures[0].file);
        assert!(report.contains(&link), "{link}");
    }
    // A missing capture refuses the dossier and writes nothing.
    std::fs::remove_file(
        evidence::evidence_dir(&project).join(&p.claims[0].sources[0].captures[0].file),
    )
    .expect("rm");
    let second = dir.path().join("second.zip");
    let out = factdesk(&[
        "export",
        ps,
        "-f",
        "dossier",
        "-o",
        second.to_str().expect("utf8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!second.exists());
    // The project itself is never an output.
    let out = factdesk(&["export", ps, "-f", "dossier", "-o", ps]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
#[ignore = "needs ../shared/corpus/readability; run with --ignored where it exists"]
fn corpus_pages_import_from_a_local_url_as_from_the_file() {
    let root = corpus_root();
    assert!(
        root.is_dir(),
        "{} is missing: this test needs the shared corpus (it never passes without it)",
        root.display()
    );
    let base = server();
    let mut pages = 0;
    for entry in std::fs::read_dir(&root).expect("list").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let file = entry.path().join("source.html");
        if !file.is_file() {
            continue;
        }
        let from_file = factdesk::core::import::read_path(&file).expect("file import");
        let f = get(&format!("{base}/corpus/{name}")).expect("fetch");
        let from_url = factdesk::core::import::import_bytes_with_charset(
            f.final_url(),
            &f.page.body,
            f.header_charset(),
        )
        .expect("url import");
        assert_eq!(from_url.body, from_file.body, "{name}");
        assert_eq!(from_url.meta.title, from_file.meta.title, "{name}");
        pages += 1;
    }
    assert!(pages >= 30, "only {pages} corpus pages");
}

#[test]
fn a_project_that_cannot_be_updated_keeps_no_capture_files() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    project_with_sources(&project, &base, 2);
    let before = std::fs::read(&project).expect("read");
    // The project is open in a desktop app elsewhere: the command must not write it.
    std::fs::write(
        store::lock_path(&project),
        "pid=1\nhost=elsewhere.example\nuser=ana\ntime=t\n",
    )
    .expect("lock");
    let out = factdesk(&["capture", project.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no capture was recorded"), "{err}");
    assert_eq!(std::fs::read(&project).expect("read"), before);
    let left: Vec<_> = std::fs::read_dir(evidence::evidence_dir(&project))
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "unrecorded files left: {left:?}");
}

#[test]
fn update_from_a_url_adds_a_version_and_keeps_its_page() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    let ps = project.to_str().expect("utf8");
    ok(&factdesk(&["new", ps]));
    ok(&factdesk(&[
        "import",
        ps,
        "--url",
        &format!("{base}/article.html"),
    ]));
    let id = store::load(&project).expect("load").articles[0]
        .id
        .0
        .clone();
    let url = format!("{base}/lying-1251.html");
    let out = ok(&factdesk(&["update", ps, "--article", &id, "--url", &url]));
    assert!(out.contains("version 2"), "{out}");
    let p = store::load(&project).expect("load");
    let a = &p.articles[0];
    assert_eq!((a.version, a.versions.len()), (2, 1));
    assert_eq!(a.meta.url, url);
    assert_eq!(a.captures.len(), 2, "both pages as fetched are kept");
    ok(&factdesk(&["check", ps]));
    // A failed fetch changes nothing.
    let out = factdesk(&[
        "update",
        ps,
        "--article",
        &id,
        "--url",
        &format!("{base}/missing"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(store::load(&project).expect("load").articles[0].version, 2);
}

#[test]
fn the_internet_archive_is_asked_only_when_the_project_says_so() {
    let base = server();
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("desk.ron");
    let ps = project.to_str().expect("utf8");
    project_with_sources(&project, &base, 1);
    let archive = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_factdesk"))
            .args(args)
            .env("FACTDESK_ARCHIVE_SAVE_URL", format!("{base}/save/"))
            .env_remove("http_proxy")
            .env_remove("https_proxy")
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .output()
            .expect("run factdesk")
    };
    // Off (the default): no archive address.
    ok(&archive(&["capture", ps]));
    let p = store::load(&project).expect("load");
    assert_eq!(p.claims[0].sources[0].captures[0].archive_url, "");

    let mut p = p;
    p.settings.internet_archive = true;
    store::save(&project, &p).expect("save");
    let out = ok(&archive(&["capture", ps, "--all"]));
    let p = store::load(&project).expect("load");
    let c = &p.claims[0].sources[0].captures[1];
    assert!(c.is_captured());
    assert_eq!(
        c.archive_url,
        format!("{base}/web/20261203184512/{base}/src/0"),
        "{out}"
    );
    assert!(out.contains(&c.archive_url), "{out}");
}
