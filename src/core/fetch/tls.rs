//! Secure connections: which certificate authorities are trusted (the built-in list, or the
//! file named by `FACTDESK_CA_FILE`) and why a certificate was refused, in the analyst's words.

/// The environment variable naming a PEM file of certificate authorities trusted instead of the
/// built-in list (as curl's `--cacert`): for a newsroom whose TLS-inspecting proxy signs every
/// page with its own authority.
pub const CA_FILE_ENV: &str = "FACTDESK_CA_FILE";

/// The largest trusted-certificates file read (a full bundle of public authorities is ~250 KB).
const MAX_CA_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The certificate authorities in the PEM file at `path`, to trust instead of the built-in list.
/// A file that cannot be read, is not PEM or holds no certificate is an error: fetching with the
/// built-in list instead would fail later with a misleading "not trusted".
pub(super) fn trusted_roots(path: &std::path::Path) -> Result<ureq::tls::RootCerts, String> {
    let unusable = |why: String| {
        format!(
            "the trusted certificates in {} ({CA_FILE_ENV}) cannot be used: {why}",
            path.display()
        )
    };
    let bytes = crate::core::store::read_limited(path, MAX_CA_FILE_BYTES)
        .map_err(|e| unusable(e.to_string()))?;
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(&bytes) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(cert)) => certs.push(cert),
            Ok(_) => {} // a key beside the certificates is not trusted, only skipped
            Err(e) => return Err(unusable(format!("not a PEM file ({e})"))),
        }
    }
    if certs.is_empty() {
        return Err(unusable("it holds no certificate".to_string()));
    }
    Ok(ureq::tls::RootCerts::new_with_certs(&certs))
}

/// A host name as the certificate verifier lists it (`DnsName("a.example")`,
/// `IpAddress(192.0.2.1)`: its debug text) in plain words; other kinds of name are left out.
pub(super) fn plain_name(presented: &str) -> Option<&str> {
    if let Some(dns) = presented.strip_prefix("DnsName(\"") {
        return dns.strip_suffix("\")");
    }
    presented
        .strip_prefix("IpAddress(")
        .and_then(|ip| ip.strip_suffix(')'))
}

/// Why rustls refused a secure connection, in the analyst's words (never its debug text).
// The unit variants rustls deprecated in favour of their `…Context` forms are still sent by
// other verifiers, so both are named.
#[allow(deprecated)]
pub(super) fn tls_reason(e: &rustls::Error, parsed: &url::Url) -> String {
    use rustls::CertificateError as C;
    let host = parsed.host_str().unwrap_or_default();
    match e {
        rustls::Error::InvalidCertificate(cert) => match cert {
            C::Expired | C::ExpiredContext { .. } => {
                "the server's certificate has expired".to_string()
            }
            C::NotValidYet | C::NotValidYetContext { .. } => {
                "the server's certificate is not valid yet (or this computer's clock is wrong)"
                    .to_string()
            }
            C::NotValidForName => format!("the server's certificate is not for {host}"),
            C::NotValidForNameContext { presented, .. } => {
                let names: Vec<&str> = presented.iter().filter_map(|n| plain_name(n)).collect();
                format!(
                    "the server's certificate is not for {host} (it names {})",
                    if names.is_empty() {
                        "no host".to_string()
                    } else {
                        names.join(", ")
                    }
                )
            }
            C::Revoked => "the server's certificate has been revoked".to_string(),
            C::InvalidPurpose | C::InvalidPurposeContext { .. } => {
                "the server's certificate is not meant for a web server".to_string()
            }
            C::BadEncoding => "the server's certificate cannot be read".to_string(),
            C::UnsupportedSignatureAlgorithm
            | C::UnsupportedSignatureAlgorithmContext { .. }
            | C::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => {
                "the server's certificate is signed in a way this client does not accept"
                    .to_string()
            }
            // Unknown issuer, a bad signature, a certificate authority's own certificate used by
            // the server (a typical self-signed one), or any other broken chain.
            _ => "the server's certificate is not trusted (self-signed or unknown issuer)"
                .to_string(),
        },
        rustls::Error::InvalidMessage(_)
        | rustls::Error::InappropriateMessage { .. }
        | rustls::Error::InappropriateHandshakeMessage { .. } => {
            "the server did not answer with TLS (is it a plain HTTP server?)".to_string()
        }
        rustls::Error::AlertReceived(_) => {
            "the server broke off the secure connection (a TLS alert)".to_string()
        }
        rustls::Error::PeerIncompatible(_) => {
            "the server offers no encryption this client accepts".to_string()
        }
        rustls::Error::NoCertificatesPresented => "the server presented no certificate".to_string(),
        other => format!("the handshake failed ({other})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wording for each kind of name the verifier lists (tests/evidence.rs refuses a real
    /// certificate for another host end to end).
    #[test]
    #[allow(deprecated)]
    fn a_certificate_for_another_host_names_both_hosts() {
        use rustls::CertificateError as C;
        let url = url::Url::parse("https://news.example.org/a").expect("url");
        let wrong = rustls::Error::InvalidCertificate(C::NotValidForNameContext {
            expected: rustls::pki_types::ServerName::try_from("news.example.org")
                .expect("name")
                .to_owned(),
            // What the verifier sends: each name's debug text.
            presented: vec![
                "DnsName(\"cdn.example.net\")".to_string(),
                "IpAddress(192.0.2.7)".to_string(),
                "UniformResourceIdentifier(\"x:y\")".to_string(),
            ],
        });
        assert_eq!(
            tls_reason(&wrong, &url),
            "the server's certificate is not for news.example.org (it names cdn.example.net, 192.0.2.7)"
        );
        let bare = rustls::Error::InvalidCertificate(C::NotValidForName);
        assert_eq!(
            tls_reason(&bare, &url),
            "the server's certificate is not for news.example.org"
        );
        let none = rustls::Error::InvalidCertificate(C::NotValidForNameContext {
            expected: rustls::pki_types::ServerName::try_from("news.example.org")
                .expect("name")
                .to_owned(),
            presented: Vec::new(),
        });
        assert!(tls_reason(&none, &url).ends_with("(it names no host)"));
    }
}
