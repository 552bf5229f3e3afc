/* eslint-disable */
// GENERATED from the forms and parameters of the "repair" pack by `estateflow pack types` (json-schema-to-typescript).
// Do not edit: change the schemas and regenerate; a test fails when this file is stale.
export interface RepairParameters {
  /**
   * 派单时限（普通，分钟）: Dispatch within, normal (minutes)
   */
  respondMinutesNormal?: number;
  /**
   * 派单时限（加急，分钟）: Dispatch within, urgent (minutes)
   */
  respondMinutesUrgent?: number;
  /**
   * 派单时限（紧急，分钟）: Dispatch within, emergency (minutes)
   */
  respondMinutesEmergency?: number;
  /**
   * 师傅接单时限（分钟）: Technician accepts within (minutes)
   */
  acceptMinutes?: number;
  /**
   * 上门时限（普通，小时）: On site within, normal (hours)
   */
  onSiteHoursNormal?: number;
  /**
   * 上门时限（加急，小时）: On site within, urgent (hours)
   */
  onSiteHoursUrgent?: number;
  /**
   * 上门时限（紧急，小时）: On site within, emergency (hours)
   */
  onSiteHoursEmergency?: number;
  /**
   * 完工时限（普通，小时）: Complete within, normal (hours)
   */
  completeHoursNormal?: number;
  /**
   * 完工时限（加急，小时）: Complete within, urgent (hours)
   */
  completeHoursUrgent?: number;
  /**
   * 完工时限（紧急，小时）: Complete within, emergency (hours)
   */
  completeHoursEmergency?: number;
  /**
   * 超时后再升级至项目经理（分钟）: After a breach, escalate to the estate manager after (minutes)
   */
  secondEscalationMinutes?: number;
  /**
   * 业主答复报价时限（小时）: Owner answers a quote within (hours)
   */
  quoteReplyHours?: number;
  /**
   * 挂起提醒（天）: Remind the supervisor of a pause after (days)
   */
  pauseReminderDays?: number;
  /**
   * 自动确认（小时）: Auto-confirm after (hours)
   */
  autoConfirmHours?: number;
  /**
   * 返修升级次数: Tell the supervisor at this many reworks (times)
   */
  reworkEscalateAfter?: number;
  /**
   * 差评回访阈值（星）: Call back when the rating is at most (stars)
   */
  lowRatingThreshold?: number;
}

export interface RepairAcceptQuoteForm {
  /**
   * 同意: 我同意按报价支付维修费用
   */
  agree: true;
}

export interface RepairArriveForm {
  /**
   * 到场时间
   */
  arrivedAt?: string;
  /**
   * 到场照片
   *
   * @maxItems 3
   */
  sitePhotos?: [] | [string] | [string, string] | [string, string, string];
}

export interface RepairCancelForm {
  /**
   * 撤销原因
   */
  reason?: string;
}

export interface RepairCompleteForm {
  /**
   * 处理结果
   */
  result: string;
  /**
   * 完工照片
   *
   * @minItems 1
   * @maxItems 9
   */
  photos:
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
   * 使用材料
   *
   * @maxItems 30
   */
  materials?: {
    /**
     * 材料
     */
    name: string;
    /**
     * 数量
     */
    quantity?: number;
  }[];
  /**
   * 实收金额（有偿维修）
   */
  chargedAmount?: number;
}

export interface RepairConfirmForm {
  /**
   * 满意度
   */
  rating: number;
  /**
   * 评价
   */
  comment?: string;
}

export interface RepairDeclineQuoteForm {
  /**
   * 原因
   */
  reason?: string;
}

export interface RepairDispatchForm {
  /**
   * 维修师傅
   */
  technicianId: string;
  /**
   * 派单说明
   */
  note?: string;
}

export interface RepairPauseForm {
  /**
   * 挂起原因
   */
  reason: ('waiting_parts' | 'owner_unavailable' | 'other') & string;
  /**
   * 预计恢复日期
   */
  expectedResumeDate: string;
  /**
   * 说明
   */
  note?: string;
}

export interface RepairQuoteForm {
  /**
   * 报价明细
   *
   * @minItems 1
   * @maxItems 20
   */
  items:
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 项目
           */
          name: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ];
  /**
   * 报价合计
   */
  amount: number;
  /**
   * 说明（为何收费）
   */
  explanation: string;
}

export interface RepairReassignForm {
  /**
   * 改派给
   */
  technicianId: string;
  /**
   * 转单原因
   */
  reason: string;
}

export interface RepairRejectForm {
  /**
   * 原因
   */
  reasonCode: ('owner_facility' | 'developer_warranty' | 'duplicate' | 'other') & string;
  /**
   * 说明（业主可见）
   */
  reason: string;
}

export interface RepairReworkForm {
  /**
   * 仍存在的问题
   */
  reason: string;
  /**
   * 照片
   *
   * @maxItems 9
   */
  photos?:
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
}

export interface RepairStartForm {
  /**
   * 报修位置
   */
  locationType: ('unit' | 'public') & string;
  /**
   * 房号
   */
  unitId?: string;
  /**
   * 公共区域位置
   */
  publicArea?: string;
  /**
   * 报修类别
   */
  category: ('plumbing_electric' | 'doors_windows' | 'lift' | 'hvac' | 'pipes' | 'other') & string;
  /**
   * 问题描述
   */
  description: string;
  /**
   * 现场照片
   *
   * @maxItems 9
   */
  photos?:
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
   * 紧急程度
   */
  urgency: ('normal' | 'urgent' | 'emergency') & string;
  /**
   * 期望上门时间
   */
  preferredTime?: string;
  /**
   * 联系电话
   */
  contactPhone?: string;
}
