//! WARC files for captures: each HTTP exchange as a `request` and a `response` record, every
//! record in its own gzip member (the `.warc.gz` layout web archives use), and reading the
//! final response back.

use crate::core::fetch::{Exchange, Fetched};
use std::io::{Read, Write};
use warc::{BufferedBody, Record, RecordBuilder, RecordType, WarcHeader, WarcReader, WarcWriter};

/// The largest WARC file read back (a capture holds at most one page under the fetch limit).
pub const MAX_WARC_BYTES: u64 = 2 * crate::core::import::MAX_IMPORT_BYTES;

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// RFC 4648 base32 (the form WARC digests are usually written in).
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    while !out.len().is_multiple_of(8) {
        out.push('=');
    }
    out
}

fn warc_digest(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("sha256:{}", base32(&sha2::Sha256::digest(bytes)))
}

/// The request line and headers as sent.
fn request_block(exchange: &Exchange) -> Vec<u8> {
    let (path, host) = match url::Url::parse(&exchange.url) {
        Ok(u) => {
            let mut path = u.path().to_string();
            if let Some(q) = u.query() {
                path.push('?');
                path.push_str(q);
            }
            let host = match u.port() {
                Some(p) => format!("{}:{p}", u.host_str().unwrap_or_default()),
                None => u.host_str().unwrap_or_default().to_string(),
            };
            (path, host)
        }
        Err(_) => ("/".to_string(), String::new()),
    };
    let mut s = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n");
    for (k, v) in &exchange.request_headers {
        s.push_str(&format!("{k}: {v}\r\n"));
    }
    s.push_str("\r\n");
    s.into_bytes()
}

/// The status line, headers and payload. The body is stored as the payload was received after
/// de-chunking, so a `Transfer-Encoding` header is kept under another name (readers would
/// otherwise try to de-chunk it again).
fn response_block(exchange: &Exchange) -> Vec<u8> {
    let reason = ureq::http::StatusCode::from_u16(exchange.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let mut block = format!("HTTP/1.1 {} {reason}\r\n", exchange.status).into_bytes();
    for (k, v) in &exchange.headers {
        let name = if k.eq_ignore_ascii_case("transfer-encoding") {
            "X-Original-Transfer-Encoding"
        } else {
            k.as_str()
        };
        block.extend_from_slice(name.as_bytes());
        block.extend_from_slice(b": ");
        block.extend_from_slice(v);
        block.extend_from_slice(b"\r\n");
    }
    block.extend_from_slice(b"\r\n");
    block.extend_from_slice(&exchange.body);
    block
}

fn record(
    kind: RecordType,
    exchange_url: &str,
    content_type: &str,
    block: Vec<u8>,
    payload: Option<&[u8]>,
    concurrent: Option<&str>,
) -> Result<Record<BufferedBody>, String> {
    let id = Record::<BufferedBody>::generate_record_id();
    let mut b = RecordBuilder::default()
        .version("1.1".to_string())
        .warc_id(id)
        .warc_type(kind)
        .header(WarcHeader::TargetURI, exchange_url)
        .header(WarcHeader::ContentType, content_type)
        .header(WarcHeader::BlockDigest, warc_digest(&block));
    if let Some(p) = payload {
        b = b.header(WarcHeader::PayloadDigest, warc_digest(p));
    }
    if let Some(c) = concurrent {
        b = b.header(WarcHeader::ConcurrentTo, c);
    }
    b.body(block)
        .build()
        .map_err(|e| format!("cannot build a WARC record: {e}"))
}

/// Writes one record as its own gzip member.
fn push_gz(out: &mut Vec<u8>, rec: &Record<BufferedBody>) -> Result<(), String> {
    let mut plain = Vec::new();
    WarcWriter::new(&mut plain)
        .write(rec)
        .map_err(|e| format!("cannot write a WARC record: {e}"))?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&plain)
        .and_then(|()| gz.finish())
        .map(|bytes| out.extend_from_slice(&bytes))
        .map_err(|e| format!("cannot compress a WARC record: {e}"))
}

/// The WARC file of a fetch: a `warcinfo` record, then a request and a response record for each
/// redirect and for the page, each gzipped on its own.
pub fn build(fetched: &Fetched, file_name: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let info = format!(
        "software: factdesk/{}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n",
        env!("CARGO_PKG_VERSION")
    );
    let info_rec = RecordBuilder::default()
        .version("1.1".to_string())
        .warc_id(Record::<BufferedBody>::generate_record_id())
        .warc_type(RecordType::WarcInfo)
        .header(WarcHeader::Filename, file_name)
        .header(WarcHeader::ContentType, "application/warc-fields")
        .body(info.into_bytes())
        .build()
        .map_err(|e| format!("cannot build a WARC record: {e}"))?;
    push_gz(&mut out, &info_rec)?;
    for exchange in fetched
        .redirects
        .iter()
        .chain(std::iter::once(&fetched.page))
    {
        let response = record(
            RecordType::Response,
            &exchange.url,
            "application/http; msgtype=response",
            response_block(exchange),
            Some(&exchange.body),
            None,
        )?;
        let request = record(
            RecordType::Request,
            &exchange.url,
            "application/http; msgtype=request",
            request_block(exchange),
            None,
            Some(response.warc_id()),
        )?;
        push_gz(&mut out, &request)?;
        push_gz(&mut out, &response)?;
    }
    Ok(out)
}

/// The final response read back from a WARC file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub url: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub payload: Vec<u8>,
}

impl StoredResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Every record of a `.warc.gz` (gzip members decompressed in turn, through a cap).
pub fn records(gz: &[u8]) -> Result<Vec<Record<BufferedBody>>, String> {
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(gz)
        .take(MAX_WARC_BYTES + 1)
        .read_to_end(&mut plain)
        .map_err(|e| format!("not a readable .warc.gz: {e}"))?;
    if plain.len() as u64 > MAX_WARC_BYTES {
        return Err("unpacks to more than the size limit".to_string());
    }
    WarcReader::new(std::io::Cursor::new(plain))
        .iter_records()
        .map(|r| r.map_err(|e| format!("damaged WARC record: {e}")))
        .collect()
}

/// The last `response` record of a capture (the page after any redirects), split into status,
/// headers and payload.
pub fn final_response(gz: &[u8]) -> Result<StoredResponse, String> {
    let recs = records(gz)?;
    let rec = recs
        .iter()
        .rev()
        .find(|r| *r.warc_type() == RecordType::Response)
        .ok_or("holds no response record")?;
    let url = rec
        .header(WarcHeader::TargetURI)
        .map(|c| c.into_owned())
        .unwrap_or_default();
    let block = rec.body();
    let split = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("the response record has no HTTP header block")?;
    let head = String::from_utf8_lossy(&block[..split]);
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("the response record has no HTTP status line")?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(StoredResponse {
        url,
        status,
        headers,
        payload: block[split + 4..].to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_matches_rfc4648() {
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "MY======");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI======");
    }

    #[test]
    fn a_built_warc_reads_back_record_by_record() {
        let page = Exchange {
            url: "http://example.org/a?b=1".into(),
            request_headers: vec![("User-Agent".into(), "t".into())],
            status: 200,
            headers: vec![
                ("Content-Type".into(), b"text/html; charset=utf-8".to_vec()),
                ("Transfer-Encoding".into(), b"chunked".to_vec()),
            ],
            body: "<p>Bonjour “monde”</p>".as_bytes().to_vec(),
        };
        let redirect = Exchange {
            url: "http://example.org/old".into(),
            request_headers: vec![],
            status: 301,
            headers: vec![("Location".into(), b"/a?b=1".to_vec())],
            body: Vec::new(),
        };
        let fetched = Fetched {
            redirects: vec![redirect],
            page: page.clone(),
        };
        let gz = build(&fetched, "x.warc.gz").expect("build");
        let recs = records(&gz).expect("read");
        let kinds: Vec<String> = recs.iter().map(|r| r.warc_type().to_string()).collect();
        assert_eq!(
            kinds,
            ["warcinfo", "request", "response", "request", "response"]
        );
        let resp = final_response(&gz).expect("response");
        assert_eq!(resp.url, "http://example.org/a?b=1");
        assert_eq!(resp.status, 200);
        assert_eq!(resp.payload, page.body);
        assert_eq!(
            resp.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(resp.header("transfer-encoding"), None);
        // Each record is its own gzip member: the file starts a new member per record.
        let members = gz.windows(3).filter(|w| *w == [0x1f, 0x8b, 0x08]).count();
        assert!(members >= 5, "{members}");
        assert!(records(b"not gzip").is_err());
    }
}
