/*
 * Provisioning state of the Lookout observability backend: per entity the last render handed to
 * the sinks, and per entity and sink what was provisioned, when, and when to retry.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'observability_provisioning_entities',
    table => {
      table.comment('Entities with Lookout annotations and their last render');
      table
        .string('entity_ref', 255)
        .primary()
        .notNullable()
        .comment('kind:namespace/name');
      table
        .string('slug', 255)
        .notNullable()
        .comment('<kind>-<namespace>-<name>');
      table
        .string('input_hash', 64)
        .nullable()
        .comment(
          'Hash of the entity and settings the last render was made from',
        );
      table
        .string('render_hash', 64)
        .nullable()
        .comment('Hash of the last successful render');
      table
        .text('render_error')
        .nullable()
        .comment(
          'Why the entity could not be rendered (annotation errors, unreadable OpenSLO)',
        );
      table
        .integer('attempts')
        .notNullable()
        .defaultTo(0)
        .comment('Failed renders in a row');
      table
        .bigInteger('next_attempt_at')
        .nullable()
        .comment('Epoch ms before which a failed render is not retried');
      table
        .bigInteger('updated_at')
        .notNullable()
        .comment('Epoch ms of the last change of the row');
    },
  );

  await knex.schema.createTable('observability_provisioning_sinks', table => {
    table.comment('What each sink provisioned for each entity');
    table.string('entity_ref', 255).notNullable();
    table.string('sink', 255).notNullable().comment('Name of the sink');
    table.string('state', 16).notNullable().comment('ok, error or pending');
    table
      .string('hash', 64)
      .nullable()
      .comment('Render hash last provisioned successfully');
    table
      .string('target_hash', 64)
      .nullable()
      .comment('Render hash of the last attempt');
    table
      .text('objects')
      .notNullable()
      .comment('JSON list of the paths or objects written');
    table.text('error').nullable().comment('Error of the last attempt');
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(0)
      .comment('Failed attempts in a row');
    table.bigInteger('last_attempt_at').nullable();
    table.bigInteger('last_success_at').nullable();
    table
      .bigInteger('next_attempt_at')
      .nullable()
      .comment('Epoch ms before which a failure is not retried');
    table.primary(['entity_ref', 'sink']);
    table.index(['sink'], 'observability_provisioning_sinks_sink_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('observability_provisioning_sinks');
  await knex.schema.dropTable('observability_provisioning_entities');
};
