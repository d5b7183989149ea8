/**
 * Fees and payments: the fee of each dossier (fixed, from a DMN table, exemptions), the VietQR code the
 * applicant pays with, reconciliation of signed bank notices, cash at the counter, fee receipts and totals.
 */
package vn.motcua.payments;
