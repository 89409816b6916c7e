//! Fetching a web page: http(s) only, redirects followed one by one (bounded, loops named),
//! timeouts, a hard size cap, cancellable between reads, with the bytes so far for a progress bar.
//!
//! Only what the analyst asks for is fetched; nothing here runs in the background by itself. A
//! TLS failure is reported as such and never retried over plain HTTP.

use std::collections::HashSet;
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

mod tls;
pub use tls::CA_FILE_ENV;
use tls::{tls_reason, trusted_roots};

/// A desktop browser's user agent: several news sites refuse or strip pages for unknown agents.
pub const USER_AGENT: &str = concat!(
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ",
    "Chrome/131.0 Safari/537.36 factdesk/",
    env!("CARGO_PKG_VERSION")
);

/// What the client asks for: pages first, anything else accepted.
const ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// Limits and manners of one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The most payload bytes read; a larger page is refused, never cut silently.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Time to resolve the name and open the connection.
    pub connect_timeout: Duration,
    /// Time waiting for the response headers, and for each read of the body.
    pub read_timeout: Duration,
    /// The whole fetch, redirects included.
    pub total_timeout: Duration,
    pub user_agent: String,
    /// Refuse responses that are not HTML or text (importing an article needs a page; a capture
    /// keeps a PDF or an image as it is).
    pub pages_only: bool,
    /// Use the `http_proxy`/`https_proxy` environment variables.
    pub env_proxy: bool,
    /// Certificate authorities (a PEM file) trusted instead of the built-in list; by default
    /// the file named by [`CA_FILE_ENV`], when set.
    pub ca_file: Option<std::path::PathBuf>,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            max_bytes: crate::core::import::MAX_IMPORT_BYTES,
            max_redirects: 10,
            connect_timeout: Duration::from_secs(15),
            read_timeout: Duration::from_secs(30),
            total_timeout: Duration::from_secs(180),
            user_agent: USER_AGENT.to_string(),
            pages_only: false,
            env_proxy: true,
            ca_file: std::env::var_os(CA_FILE_ENV)
                .filter(|v| !v.is_empty())
                .map(std::path::PathBuf::from),
        }
    }
}

/// Shared with a worker thread: the GUI sets `cancel` and reads `bytes` for its progress bar.
#[derive(Debug, Clone, Default)]
pub struct FetchControl {
    cancel: Arc<AtomicBool>,
    bytes: Arc<AtomicU64>,
}

impl FetchControl {
    pub fn new() -> Self {
        FetchControl::default()
    }

    /// Asks the fetch to stop; it does at its next read (a blocked read ends by its timeout).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Payload bytes received so far by the current response.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }
}

/// One HTTP response along the way: a redirect, or the final page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// The URL requested.
    pub url: String,
    /// The request headers sent (name, value), in order.
    pub request_headers: Vec<(String, String)>,
    pub status: u16,
    /// The response headers as received (name, value), in order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The payload as received (empty for redirects, whose bodies are not read).
    pub body: Vec<u8>,
}

impl Exchange {
    /// The first value of a header (case-insensitive name), as text.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }
}

/// A fetched page: the redirects passed and the final exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Redirect responses, in order; the last entry of the chain is `page`.
    pub redirects: Vec<Exchange>,
    pub page: Exchange,
}

impl Fetched {
    pub fn final_url(&self) -> &str {
        &self.page.url
    }

    pub fn content_type(&self) -> String {
        self.page.header("content-type").unwrap_or_default()
    }

    /// The charset the server named in `Content-Type`, when it names one encoding_rs knows.
    pub fn header_charset(&self) -> Option<&'static encoding_rs::Encoding> {
        charset_of(&self.content_type())
    }

    /// The payload with a `Content-Encoding` (gzip, deflate) some servers send unasked undone.
    pub fn decoded_body(&self) -> Result<Vec<u8>, String> {
        decode_content(
            &self.page.body,
            &self.page.header("content-encoding").unwrap_or_default(),
            crate::core::import::MAX_IMPORT_BYTES,
        )
    }
}

/// Why a fetch failed, in words for the analyst. Every variant names the URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not a valid web address: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("{url}: only http and https addresses are fetched ({scheme}: refused)")]
    Scheme { url: String, scheme: String },
    #[error("{url}: the name {host} could not be found (DNS); check the address or the connection")]
    Dns { url: String, host: String },
    #[error("{url}: cannot connect: {reason}")]
    Connect { url: String, reason: String },
    #[error("{url}: secure connection (TLS) failed: {reason}; not retried without encryption")]
    Tls { url: String, reason: String },
    #[error("{url}: no answer within {seconds} s ({what})")]
    Timeout {
        url: String,
        what: String,
        seconds: u64,
    },
    #[error("{url}: the server answered HTTP {status}{}", reason_suffix(*status))]
    Status { url: String, status: u16 },
    #[error("{url}: is {content_type}, not a web page")]
    NotAPage { url: String, content_type: String },
    #[error("{url}: larger than the {} limit; refused", crate::core::store::human_bytes(*limit))]
    TooBig { url: String, limit: u64 },
    #[error("{url}: redirect loop (it leads back to {again})")]
    RedirectLoop { url: String, again: String },
    #[error("{url}: more than {max} redirects; gave up")]
    TooManyRedirects { url: String, max: u32 },
    #[error("{url}: redirect ({status}) without a valid Location: {reason}")]
    BadRedirect {
        url: String,
        status: u16,
        reason: String,
    },
    #[error("{url}: cancelled")]
    Cancelled { url: String },
    #[error("{url}: {reason}")]
    Other { url: String, reason: String },
}

fn reason_suffix(status: u16) -> String {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

/// The charset parameter of a `Content-Type` value.
pub fn charset_of(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (k, v) = param.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        encoding_rs::Encoding::for_label(v.trim().trim_matches(['"', '\'']).as_bytes())
    })
}

/// True for the media types an article can be read from (HTML, XHTML, plain text); an empty
/// type is given the benefit of the doubt (the importer sniffs the content).
pub fn is_page_type(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime.is_empty()
        || mime == "text/html"
        || mime == "application/xhtml+xml"
        || mime == "text/plain"
        || mime == "text/markdown"
}

/// Checks an address typed or pasted by the analyst: an absolute http(s) URL with a host.
/// Returns it normalised (e.g. `HTTP://Example.org` → `http://example.org/`).
pub fn check_url(input: &str) -> Result<url::Url, FetchError> {
    let trimmed = input.trim();
    let invalid = |reason: String| FetchError::InvalidUrl {
        url: trimmed.to_string(),
        reason,
    };
    let url = url::Url::parse(trimmed).map_err(|e| invalid(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::Scheme {
            url: trimmed.to_string(),
            scheme: url.scheme().to_string(),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("no host name".to_string()));
    }
    Ok(url)
}

/// Fetches `url`, following redirects itself (so each hop is checked and kept), and reads the
/// final body through the size cap. Blocking: run it on a worker thread in an interactive app.
pub fn fetch(
    url: &str,
    options: &FetchOptions,
    control: &FetchControl,
) -> Result<Fetched, FetchError> {
    let mut current = check_url(url)?;
    let agent = agent(options).map_err(|reason| FetchError::Other {
        url: url.trim().to_string(),
        reason,
    })?;
    let mut seen: HashSet<String> = HashSet::new();
    let mut redirects = Vec::new();
    let started = std::time::Instant::now();
    loop {
        let here = current.to_string();
        if control.is_cancelled() {
            return Err(FetchError::Cancelled { url: here });
        }
        if started.elapsed() > options.total_timeout {
            return Err(FetchError::Timeout {
                url: here,
                what: "the whole fetch".to_string(),
                seconds: options.total_timeout.as_secs(),
            });
        }
        seen.insert(here.clone());
        let request_headers = vec![
            ("User-Agent".to_string(), options.user_agent.clone()),
            ("Accept".to_string(), ACCEPT.to_string()),
            // The payload is kept as received; asking for no compression keeps it readable.
            ("Accept-Encoding".to_string(), "identity".to_string()),
            (
                "Accept-Language".to_string(),
                "en;q=0.9, *;q=0.5".to_string(),
            ),
        ];
        let mut req = agent.get(here.as_str());
        for (k, v) in &request_headers {
            req = req.header(k.as_str(), v.as_str());
        }
        let mut response = req
            .call()
            .map_err(|e| classify(&here, &current, e, options))?;
        let status = response.status().as_u16();
        let headers: Vec<(String, Vec<u8>)> = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), v.as_bytes().to_vec()))
            .collect();
        let mut exchange = Exchange {
            url: here.clone(),
            request_headers,
            status,
            headers,
            body: Vec::new(),
        };
        if (300..400).contains(&status) && status != 304 {
            let location = exchange
                .header("location")
                .ok_or_else(|| FetchError::BadRedirect {
                    url: here.clone(),
                    status,
                    reason: "none given".to_string(),
                })?;
            let next = current
                .join(location.trim())
                .map_err(|e| FetchError::BadRedirect {
                    url: here.clone(),
                    status,
                    reason: e.to_string(),
                })?;
            if !matches!(next.scheme(), "http" | "https") {
                return Err(FetchError::Scheme {
                    url: next.to_string(),
                    scheme: next.scheme().to_string(),
                });
            }
            redirects.push(exchange);
            if seen.contains(next.as_str()) {
                return Err(FetchError::RedirectLoop {
                    url: url.trim().to_string(),
                    again: next.to_string(),
                });
            }
            // `max_redirects` hops are followed; the one after them is refused.
            if redirects.len() as u32 > options.max_redirects {
                return Err(FetchError::TooManyRedirects {
                    url: url.trim().to_string(),
                    max: options.max_redirects,
                });
            }
            current = next;
            continue;
        }
        if status >= 400 {
            return Err(FetchError::Status { url: here, status });
        }
        let content_type = exchange.header("content-type").unwrap_or_default();
        if options.pages_only && !is_page_type(&content_type) {
            return Err(FetchError::NotAPage {
                url: here,
                content_type,
            });
        }
        if response
            .body()
            .content_length()
            .is_some_and(|n| n > options.max_bytes)
        {
            return Err(FetchError::TooBig {
                url: here,
                limit: options.max_bytes,
            });
        }
        exchange.body = read_capped(&mut response, &here, options, control)?;
        return Ok(Fetched {
            redirects,
            page: exchange,
        });
    }
}

/// The HTTP client for one fetch; fails only when the trusted-certificates file is unusable.
fn agent(options: &FetchOptions) -> Result<ureq::Agent, String> {
    let mut config = ureq::Agent::config_builder()
        // Redirects are followed here, one hop at a time, so each is checked and recorded.
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_connect(Some(options.connect_timeout))
        .timeout_resolve(Some(options.connect_timeout))
        .timeout_recv_response(Some(options.read_timeout))
        .timeout_per_read(Some(options.read_timeout))
        .timeout_global(Some(options.total_timeout))
        .user_agent(options.user_agent.as_str());
    if !options.env_proxy {
        config = config.proxy(None);
    }
    if let Some(path) = &options.ca_file {
        let roots = trusted_roots(path)?;
        config = config.tls_config(ureq::tls::TlsConfig::builder().root_certs(roots).build());
    }
    Ok(config.build().into())
}

/// Reads the body in chunks through a hard cap, checking the cancel flag between reads.
fn read_capped(
    response: &mut ureq::http::Response<ureq::Body>,
    url: &str,
    options: &FetchOptions,
    control: &FetchControl,
) -> Result<Vec<u8>, FetchError> {
    control.bytes.store(0, Ordering::Relaxed);
    let mut reader = response
        .body_mut()
        .with_config()
        .limit(options.max_bytes.saturating_add(1))
        .reader();
    let mut body = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        if control.is_cancelled() {
            return Err(FetchError::Cancelled {
                url: url.to_string(),
            });
        }
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(classify_io(url, &e, options)),
        };
        body.extend_from_slice(&chunk[..n]);
        control.bytes.store(body.len() as u64, Ordering::Relaxed);
        if body.len() as u64 > options.max_bytes {
            return Err(FetchError::TooBig {
                url: url.to_string(),
                limit: options.max_bytes,
            });
        }
    }
    Ok(body)
}

fn classify(url: &str, parsed: &url::Url, e: ureq::Error, options: &FetchOptions) -> FetchError {
    let url = url.to_string();
    match e {
        ureq::Error::HostNotFound => FetchError::Dns {
            url,
            host: parsed.host_str().unwrap_or_default().to_string(),
        },
        ureq::Error::Timeout(t) => FetchError::Timeout {
            url,
            what: t.to_string(),
            seconds: options.read_timeout.as_secs().max(1),
        },
        ureq::Error::Tls(reason) => FetchError::Tls {
            url,
            reason: reason.to_string(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            reason: tls_reason(&e, parsed),
            url,
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooBig {
            url,
            limit: options.max_bytes,
        },
        ureq::Error::ConnectionFailed => FetchError::Connect {
            url,
            reason: "connection failed".to_string(),
        },
        // The system resolver's failure arrives as a plain I/O error.
        ureq::Error::Io(io) if looks_like_dns(&io.to_string()) => FetchError::Dns {
            url,
            host: parsed.host_str().unwrap_or_default().to_string(),
        },
        ureq::Error::Io(io) => {
            use std::io::ErrorKind::{InvalidData, UnexpectedEof};
            // rustls reports a refused certificate (or a garbled handshake) inside an I/O error.
            if let Some(e) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return FetchError::Tls {
                    reason: tls_reason(e, parsed),
                    url,
                };
            }
            // Before any response on https, a cut or garbled stream is the handshake failing
            // (e.g. a plain-HTTP server on the port).
            if parsed.scheme() == "https" && io.kind() == UnexpectedEof {
                FetchError::Tls {
                    url,
                    reason: "the server closed the connection during the handshake (is it a \
                             plain HTTP server?)"
                        .to_string(),
                }
            } else if parsed.scheme() == "https" && io.kind() == InvalidData {
                FetchError::Tls {
                    url,
                    reason: format!("the server did not complete the handshake ({io})"),
                }
            } else {
                classify_io(&url, &io, options)
            }
        }
        ureq::Error::BadUri(reason) => FetchError::InvalidUrl { url, reason },
        other => {
            let reason = other.to_string();
            if looks_like_dns(&reason) {
                FetchError::Dns {
                    url,
                    host: parsed.host_str().unwrap_or_default().to_string(),
                }
            } else if looks_like_tls(&reason) && parsed.scheme() == "https" {
                FetchError::Tls { url, reason }
            } else {
                FetchError::Other { url, reason }
            }
        }
    }
}

fn classify_io(url: &str, e: &std::io::Error, options: &FetchOptions) -> FetchError {
    use std::io::ErrorKind;
    let url = url.to_string();
    let reason = e.to_string();
    // A ureq error travelling inside an io::Error (a body read): unwrap it first.
    if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
        match inner {
            ureq::Error::BodyExceedsLimit(_) => {
                return FetchError::TooBig {
                    url,
                    limit: options.max_bytes,
                };
            }
            ureq::Error::Timeout(t) => {
                return FetchError::Timeout {
                    url,
                    what: t.to_string(),
                    seconds: options.read_timeout.as_secs().max(1),
                };
            }
            _ => {}
        }
    }
    match e.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchError::Timeout {
            url,
            what: "reading".to_string(),
            seconds: options.read_timeout.as_secs().max(1),
        },
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionReset | ErrorKind::NotConnected => {
            FetchError::Connect { url, reason }
        }
        _ if looks_like_tls(&reason) => FetchError::Tls { url, reason },
        _ => FetchError::Other { url, reason },
    }
}

/// The resolver's words for a name that does not resolve (glibc, macOS, Windows).
fn looks_like_dns(reason: &str) -> bool {
    let r = reason.to_ascii_lowercase();
    [
        "failed to lookup address",
        "name or service not known",
        "nodename nor servname",
        "no such host is known",
        "temporary failure in name resolution",
        "no address associated with hostname",
    ]
    .iter()
    .any(|w| r.contains(w))
}

fn looks_like_tls(reason: &str) -> bool {
    let r = reason.to_ascii_lowercase();
    [
        "certificate",
        "tls",
        "handshake",
        "invalidcontenttype",
        "corrupt message",
    ]
    .iter()
    .any(|w| r.contains(w))
}

/// Undoes a `Content-Encoding` of gzip or deflate, through a cap; identity passes as is.
pub fn decode_content(body: &[u8], encoding: &str, cap: u64) -> Result<Vec<u8>, String> {
    let enc = encoding.trim().to_ascii_lowercase();
    let mut out = Vec::new();
    let result = match enc.as_str() {
        "" | "identity" => return Ok(body.to_vec()),
        "gzip" | "x-gzip" => flate2::read::MultiGzDecoder::new(body)
            .take(cap + 1)
            .read_to_end(&mut out),
        "deflate" => flate2::read::ZlibDecoder::new(body)
            .take(cap + 1)
            .read_to_end(&mut out),
        other => return Err(format!("content encoding {other} is not supported")),
    };
    result.map_err(|e| format!("cannot undo the {enc} encoding: {e}"))?;
    if out.len() as u64 > cap {
        return Err("the page unpacks to more than the size limit".to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_are_accepted() {
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<p>x</p>",
            "ftp://example.org/x",
            "mailto:a@b.c",
        ] {
            assert!(
                matches!(check_url(bad), Err(FetchError::Scheme { .. })),
                "{bad}"
            );
        }
        for bad in ["", "example.org", "http://", "not a url", "http://:80/"] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
        assert_eq!(
            check_url(" HTTP://Example.ORG ").expect("ok").as_str(),
            "http://example.org/"
        );
    }

    #[test]
    fn charset_comes_from_the_content_type_parameter() {
        assert_eq!(
            charset_of("text/html; charset=\"windows-1251\""),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(
            charset_of("text/html;CHARSET=utf-8"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(charset_of("text/html"), None);
        assert_eq!(charset_of("text/html; charset=nonsense"), None);
        assert!(is_page_type("text/html; charset=utf-8"));
        assert!(is_page_type(""));
        assert!(!is_page_type("application/pdf"));
        assert!(!is_page_type("image/png"));
    }

    #[test]
    fn resolver_failures_read_as_dns_errors() {
        let e = ureq::Error::Io(std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        ));
        let url = check_url("https://nowhere.invalid/x").expect("url");
        let got = classify(url.as_str(), &url, e, &FetchOptions::default());
        assert!(
            matches!(&got, FetchError::Dns { host, .. } if host == "nowhere.invalid"),
            "{got:?}"
        );
        assert!(!looks_like_dns("connection refused"));
    }

    #[test]
    fn gzip_content_is_undone_through_the_cap() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&[b'a'; 10_000]).expect("write");
        let gz = enc.finish().expect("finish");
        assert_eq!(
            decode_content(&gz, "gzip", 20_000).expect("ok").len(),
            10_000
        );
        assert!(decode_content(&gz, "gzip", 100).is_err());
        assert!(decode_content(b"x", "br", 100).is_err());
    }
}
