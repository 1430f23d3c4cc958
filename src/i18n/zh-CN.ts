/**
 * zh-CN catalogue (the default). Templates take {name} parameters from a finding's data.
 * Every message id a rule declares must be here and in en.ts (test/conventions.test.ts).
 */
export const zhCN = {
  blank: '（空白）',

  'column-sum': '{row}：“{column}”应等于同行各组成栏之和 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'column-sum-part':
    '{row}：“{part}”为 {stated}，而“{column}”{totalValue} 减去同行其他组成栏后应为 {expected}，相差 {difference}。该行合计与其他勾稽关系相符，因此“{part}”最可能有误。',
  'code-parent': '{row}（{column}）应等于其下级科目之和 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'code-total': '{row}（{column}）应等于各顶层科目之和 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'code-prefix': '科目代码 {code}“{label}”列在 {parent}“{parentLabel}”之下，但代码不以 {parent} 开头；按金额它属于该上级科目，代码可能有误。',
  'code-prefix-order': '科目代码 {code}“{label}”列在 {parent}“{parentLabel}”之下，但代码不以 {parent} 开头，且表中没有它所属的上级科目，需要核实。',
  'summary-year-total': '{row}（{column}）应等于其上各行之和 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'summary-grand-total': '{row}（{column}）应等于 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'summary-carryover': '{row}（{column}）应等于其下各资金来源之和 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'summary-balance': '收入总计 {stated} 应等于支出总计 {expected}，相差 {difference}。',
  'economic-class': '{row}应等于其下各款之和 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'economic-group': '{row}应等于 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'fund-balance': '{row}：年末结转和结余应等于年初结转和结余加本年收入减本年支出，{terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'total-row': '{row}（{column}）应等于其所含各行之和 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'perf-funds': '绩效自评表“{project}”：{row}的{column}应等于各资金来源之和 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'perf-execution-rate': '绩效自评表“{project}”：{row}的执行率应为全年执行数 {executed} ÷ 全年预算数 {budget} = {exact}，即 {expected}，表中为 {stated}，相差 {difference} 个百分点。',
  'perf-execution-rate-zero-budget': '绩效自评表“{project}”：{row}的全年预算数为 0，而全年执行数为 {executed}，执行率 {stated} 无法计算，需要核实。',
  'perf-score-over-weight': '绩效自评表“{project}”：指标“{indicator}”得分 {stated} 超过其权重 {weight}。',
  'perf-weights': '绩效自评表“{project}”：{count} 项绩效指标的权重合计为 {stated}，按模板应为 {expected}（另有预算执行率 {funds} 分，合计 100 分），相差 {difference}。',
  'perf-total': '绩效自评表“{project}”：总分应等于 {count} 项指标得分之和 {scores} 加预算执行率得分 {fund}，即 {expected}，表中为 {stated}，相差 {difference}。',
  'perf-total-over': '绩效自评表“{project}”：总分 {stated} 超过满分 100 分。',
  'perf-total-implied': '绩效自评表“{project}”：总分 {stated} 减去各指标得分之和 {scores} 为 {implied}，不在预算执行率得分 0–{room} 分的范围内。',
  'perf-score-met-not-full': '绩效自评表“{project}”：指标“{indicator}”年度指标值 {target}，实际完成值 {actual} 已达标，但得分 {stated} 低于权重 {weight}，需要核实评分依据。',
  'perf-score-missed-full': '绩效自评表“{project}”：指标“{indicator}”年度指标值 {target}，实际完成值 {actual} 未达标，却得满分 {stated}，需要核实评分依据。',
  'perf-score-proportional': '绩效自评表“{project}”：本报告对未达标指标按比例计分（权重 × 完成比例）；指标“{indicator}”按此应得 {formula} = {expected}，表中为 {stated}。',
  'rate-column': '{row}：“{column}”应为 {numeratorName} {numerator} ÷ {denominatorName} {denominator} = {exact}，即 {expected}，表中为 {stated}，相差 {difference} 个百分点。',
  'rate-column-zero-base': '{row}：“{column}”的计算基数 {denominatorName} 为 0，比率 {stated} 无法计算（应写“无可比性”），需要核实。',
  'change-column': '{row}：“{column}”应等于 {terms} = {expected}，表中为 {stated}，相差 {difference}。',
  'misplaced-value': '数字 {value} 印在栏次行的“{column}”位置，而其所属的“{line}”行该栏为空：数字可能错位。',
  'misplaced-value-filled': '数字 {value} 印在栏次行的“{column}”位置（该处应为栏次号），需要核实。',

  'suffix.rounding': '差额在印刷精度的尾数误差范围内（±{band}），属四舍五入差异。',
  'suffix.rounding-rate': '差异仅在末位，属四舍五入或截断差异。',

  'cause.omitted': '差额恰等于“{label}”{value}，可能漏计了该项。',
  'cause.double-counted': '差额恰等于“{label}”{value}，可能重复计入了该项。',
  'cause.transposition': '{from} 与 {to} 仅相邻两位数字互换，可能是录入时数字颠倒。',
  'cause.factor': '两数相差 {factor} 倍，可能是小数点或单位（元/万元）错误。',
  'cause.wrong-base': '按“{label}” {base} 作基数计算正好得到所述比率，可能用错了计算基数。',

  'reason.header-not-understood': '表头与数据未能对齐（表头栏数与栏次不符），未核对横向合计。',
  'reason.structure-not-confirmed': '未识别的表格，其合计结构未得到数据印证（{column}{row}），未核对。',
  'reason.sides-not-found': '未能识别收支总表的收入方与支出方，未核对。',
  'reason.year-total-not-found': '未找到“本年合计”行，未核对各行之和。',
  'reason.no-economic-codes': '未找到经济分类科目代码，未核对。',
  'reason.columns-not-found': '缺少所需栏目（{need}），未核对。',
  'reason.table-empty': '表中没有数据（空表），无可核对内容。',
  'reason.funds-total-not-found': '绩效自评表中未找到“年度资金总额”行，未核对资金来源合计。',
  'reason.rate-operands-not-found': '未能从表头确定比率栏“{column}”的计算依据栏，未核对。',
  'reason.internal-error': '检查时出错（{message}），该项未核对。',

  'severity.error': '错误',
  'severity.review': '待核实',
  'severity.rounding': '尾数差异',
} as const;

export type MessageKey = keyof typeof zhCN;
