/*
 * Public surface of the SLO rule renderer: rule groups, their `promtool test rules` files, the
 * series and alert names of the contract, and the dashboard uid shared with the dashboards.
 */
export {
  renderSloRuleGroups,
  sloRuleGroupName,
  sloSumsRuleGroupName,
  sloBudgetRuleGroupName,
  SUMS_GROUP_INTERVAL,
  BUDGET_GROUP_INTERVAL,
} from './renderSloRuleGroups';
export type { SloRuleGroups } from './renderSloRuleGroups';
export { renderSloRuleTests } from './renderSloRuleTests';
export type { SloRuleTest, SloRuleTests } from './renderSloRuleTests';
export type {
  AlertRuleTest,
  PromqlExprTest,
  ScenarioTest,
} from './ruleTests/scenarios';
export type { ExpectedAlert } from './ruleTests/expectedAlerts';
export { dashboardUid, DASHBOARD_UID_MAX_LENGTH } from './dashboardUid';
export {
  SLO_ERRORS_RATE,
  SLO_TOTAL_RATE,
  SLO_ERRORS_SUM,
  SLO_TOTAL_SUM,
  SLO_ERROR_RATIO,
  SLO_OBJECTIVE,
  SLO_ERROR_BUDGET_REMAINING,
  SLO_INFO,
  ALERT_ERROR_BUDGET_BURN,
  ALERT_SLO_METRICS_MISSING,
  SLO_LABEL,
  WINDOW_LABEL,
} from './sloSeries';
