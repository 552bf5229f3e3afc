/* eslint-disable */
// GENERATED from the forms and parameters of the "complaint" pack by `estateflow pack types` (json-schema-to-typescript).
// Do not edit: change the schemas and regenerate; a test fails when this file is stale.
export interface ComplaintParameters {
  /**
   * 分派时限（分钟）: Assign within (minutes)
   */
  assignMinutes?: number;
  /**
   * 回复时限（小时）: Reply within (hours)
   */
  replyHours?: number;
  /**
   * 办结时限（小时）: Resolve within (hours)
   */
  resolveHours?: number;
  /**
   * 超时后升级集团品质部（小时）: After the resolve deadline, escalate to company quality after (hours)
   */
  qualityEscalationHours?: number;
  /**
   * 回访时限（小时）: Return visit within (then closed without it) (hours)
   */
  returnVisitHours?: number;
  /**
   * 满意分数线（星）: Satisfied at or above (stars)
   */
  satisfiedAtLeast?: number;
}

export interface ComplaintClassifyForm {
  /**
   * 投诉类型
   */
  complaintType: ('service_attitude' | 'cleanliness' | 'noise' | 'safety' | 'fees' | 'neighbour' | 'other') & string;
  /**
   * 责任部门
   */
  department: ('customer_service' | 'engineering' | 'security' | 'cleaning' | 'finance' | 'management') & string;
  /**
   * 处理人
   */
  handlerId: string;
  /**
   * 派单说明
   */
  note?: string;
}

export interface ComplaintInvalidForm {
  /**
   * 说明
   */
  reason: string;
}

export interface ComplaintReplyForm {
  /**
   * 回复内容
   */
  text: string;
  /**
   * 已电话联系业主
   */
  calledOwner?: boolean;
}

export interface ComplaintResolveForm {
  /**
   * 处理结果
   */
  summary: string;
  /**
   * 整改措施
   */
  measures?: string;
  /**
   * 责任认定
   */
  responsibility: ('substantiated' | 'partly' | 'unsubstantiated') & string;
  /**
   * 附件
   *
   * @maxItems 10
   */
  attachments?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string];
}

export interface ComplaintReturnVisitForm {
  /**
   * 已联系到业主
   */
  reached?: boolean;
  /**
   * 满意度
   */
  satisfaction: number;
  /**
   * 业主意见
   */
  comment?: string;
}

export interface ComplaintStartForm {
  /**
   * 投诉类型
   */
  complaintType: ('service_attitude' | 'cleanliness' | 'noise' | 'safety' | 'fees' | 'neighbour' | 'other') & string;
  /**
   * 投诉内容
   */
  description: string;
  /**
   * 图片或录音截图
   *
   * @maxItems 9
   */
  attachments?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string];
  /**
   * 房号（可不填）
   */
  unitId?: string;
  /**
   * 匿名投诉
   */
  anonymous: boolean;
  /**
   * 联系电话
   */
  contactPhone?: string;
}
