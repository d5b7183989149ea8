/**
 * The citizen portal and the counter intake pages, with the applicant's tracking API: catalogue,
 * submission, receipt (PDF with QR code), tracking by code and secret, supplement, online result, rating.
 */
package vn.motcua.portal;
