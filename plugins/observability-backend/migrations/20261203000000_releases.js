/*
 * Releases of entities (`POST .../releases`): one row per entity and version, read by entity and
 * time (the releases route, chart markers, the release-info series) and pruned by time.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('observability_releases', table => {
    table.comment('Releases recorded per entity');
    table.string('id', 36).primary().notNullable().comment('UUID');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('kind:namespace/name');
    table.string('version', 128).notNullable();
    table.string('kind', 32).nullable().comment('e.g. fix; see deploy-exempt');
    table.bigInteger('at').notNullable().comment('Epoch ms of the release');
    table.text('url').nullable();
    table.text('description').nullable();
    table
      .string('created_by', 255)
      .notNullable()
      .comment('Entity ref of the user or service that recorded it');
    table.bigInteger('created_at').notNullable().comment('Epoch ms');
    table.unique(['entity_ref', 'version'], {
      indexName: 'observability_releases_entity_version_uniq',
    });
    table.index(['entity_ref', 'at'], 'observability_releases_entity_at_idx');
    table.index(['at'], 'observability_releases_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('observability_releases');
};
