// keycloak-js' silent SSO check: hands the redirect URL (with the code or the error) to the app.
// A file of its own, not an inline script, so the CSP needs no 'unsafe-inline'.
parent.postMessage(location.href, location.origin);
