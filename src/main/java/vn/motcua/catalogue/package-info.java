/**
 * The procedure catalogue: administrative procedures as deployed BPMN models, with the metadata
 * analysts keep in each model's extension properties. Nothing here is configured twice.
 */
package vn.motcua.catalogue;
