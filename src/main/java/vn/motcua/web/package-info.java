/**
 * How the HTTP API speaks: RFC 7807 problem bodies for every refusal, naming the fields at fault.
 */
package vn.motcua.web;
