/* eslint-disable */
// GENERATED from the forms and parameters of the "renovation" pack by `estateflow pack types` (json-schema-to-typescript).
// Do not edit: change the schemas and regenerate; a test fails when this file is stale.
export interface RenovationParameters {
  /**
   * 审核时限（天）: Review within (days)
   */
  reviewDays?: number;
  /**
   * 装修押金（元）: Renovation deposit (yuan)
   */
  depositAmount?: number;
  /**
   * 垃圾清运费（元）: Debris removal fee (yuan)
   */
  debrisFee?: number;
  /**
   * 最长施工期（天）: Longest works period (days)
   */
  maxWorkDays?: number;
  /**
   * 允许施工时间: Allowed working hours (shown to owners and patrols)
   */
  workingHours?: string;
  /**
   * 整改期限（小时）: Put a violation right within (hours)
   */
  rectifyHours?: number;
  /**
   * 闭水试验时长（小时）: Water test lasts (hours)
   */
  waterTestHours?: number;
  /**
   * 押金保留期（天）: Deposit held for (days)
   */
  holdingDays?: number;
  /**
   * 退款时限（天）: Refund within (days)
   */
  refundDays?: number;
}

export interface RenovationAcceptanceForm {
  /**
   * 结构: 承重结构、外立面、公共部位完好
   */
  structureIntact: true;
  /**
   * 涉及卫生间/厨房等涉水区域
   */
  wetRoomsChanged: boolean;
  /**
   * 验收意见
   */
  notes?: string;
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

export interface RenovationCompletionApplicationForm {
  /**
   * 完工日期
   */
  finishedOn: string;
  /**
   * 完工照片
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

export interface RenovationDamageForm {
  /**
   * 情况
   */
  description: string;
  /**
   * 照片
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
   * 预计扣款
   */
  estimatedDeduction?: number;
}

export interface RenovationFeesForm {
  /**
   * 装修押金
   */
  deposit: number;
  /**
   * 垃圾清运费
   */
  debrisFee: number;
  /**
   * 收据号
   */
  receiptNo: string;
  /**
   * 装修管理协议: 业主及装修公司已签署《装修管理协议》
   */
  agreementSigned: true;
}

export interface RenovationPatrolForm {
  /**
   * 巡查情况
   */
  note?: string;
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

export interface RenovationPermitForm {
  /**
   * 装修许可证号
   */
  permitNo: string;
  /**
   * 出入证
   *
   * @minItems 1
   * @maxItems 50
   */
  passes: [
    {
      /**
       * 姓名
       */
      workerName: string;
      /**
       * 证号
       */
      passNo: string;
    },
    ...{
      /**
       * 姓名
       */
      workerName: string;
      /**
       * 证号
       */
      passNo: string;
    }[]
  ];
  /**
   * 有效期至
   */
  validUntil: string;
}

export interface RenovationRecheckForm {
  /**
   * 复查情况
   */
  note?: string;
}

export interface RenovationRectifiedForm {
  /**
   * 整改情况
   */
  note: string;
  /**
   * 整改后照片
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
}

export interface RenovationRefundForm {
  /**
   * 扣款明细
   *
   * @maxItems 20
   */
  deductions:
    | []
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ]
    | [
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        },
        {
          /**
           * 原因
           */
          reason: string;
          /**
           * 金额（元）
           */
          amount: number;
        }
      ];
  /**
   * 退还金额
   */
  refundAmount: number;
  /**
   * 退款方式
   */
  method: ('original' | 'transfer' | 'cash') & string;
}

export interface RenovationRejectForm {
  /**
   * 驳回原因
   */
  reason: string;
}

export interface RenovationResubmitForm {
  /**
   * 修改后的图纸
   *
   * @minItems 1
   * @maxItems 20
   */
  drawings:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  /**
   * 修改说明
   */
  note?: string;
}

export interface RenovationReturnForChangesForm {
  /**
   * 需修改的内容
   */
  issues: string;
}

export interface RenovationReviewForm {
  /**
   * 承重结构: 未拆改承重墙、梁、柱
   */
  loadBearing: true;
  /**
   * 燃气管道: 未改动燃气管道
   */
  gasPipes: true;
  /**
   * 防水: 防水方案符合要求
   */
  waterproofing: true;
  /**
   * 外立面: 未改变外立面及公共部位
   */
  facade: true;
  /**
   * 审核意见
   */
  comments?: string;
}

export interface RenovationStartForm {
  /**
   * 房号
   */
  unitId: string;
  /**
   * 装修公司
   */
  contractor: {
    /**
     * 公司名称（自装填“自行装修”）
     */
    name: string;
    /**
     * 营业执照号（统一社会信用代码）
     */
    licenceNo?: string;
    /**
     * 现场负责人
     */
    siteManager: string;
    /**
     * 负责人电话
     */
    siteManagerPhone: string;
  };
  /**
   * 施工人员
   *
   * @minItems 1
   * @maxItems 50
   */
  workers: [
    {
      /**
       * 姓名
       */
      name: string;
      /**
       * 身份证号
       */
      idNumber: string;
      /**
       * 电话
       */
      phone?: string;
      /**
       * 工种
       */
      trade: ('electrician' | 'plumber' | 'mason' | 'carpenter' | 'painter' | 'labourer') & string;
    },
    ...{
      /**
       * 姓名
       */
      name: string;
      /**
       * 身份证号
       */
      idNumber: string;
      /**
       * 电话
       */
      phone?: string;
      /**
       * 工种
       */
      trade: ('electrician' | 'plumber' | 'mason' | 'carpenter' | 'painter' | 'labourer') & string;
    }[]
  ];
  /**
   * 装修范围
   *
   * @minItems 1
   */
  scope: [
    'rewiring_plumbing' | 'wall_changes' | 'waterproofing' | 'balcony' | 'ac_units' | 'flooring_painting' | 'other',
    ...('rewiring_plumbing' | 'wall_changes' | 'waterproofing' | 'balcony' | 'ac_units' | 'flooring_painting' | 'other')[]
  ];
  /**
   * 结构改动审批文件（涉及墙体拆改时必填）
   *
   * @maxItems 5
   */
  structuralCertificate?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string];
  /**
   * 装修图纸
   *
   * @minItems 1
   * @maxItems 20
   */
  drawings:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  /**
   * 施工周期
   */
  period: string;
  /**
   * 装修承诺书: 本人已阅读《装修管理规定》，承诺不拆改承重结构、不破坏防水层、不改动燃气管道和外立面，在允许时间内施工并对施工人员行为负责。
   */
  commitment: true;
}

export interface RenovationViolationForm {
  /**
   * 违规类型
   */
  violationType: ('outside_hours' | 'corridor_blocked' | 'structural_change' | 'debris' | 'no_protection' | 'no_pass' | 'other') & string;
  /**
   * 情况说明
   */
  description: string;
  /**
   * 现场照片
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
   * 整改期限
   */
  deadline: string;
  /**
   * 违约金（按装修协议）
   */
  fine?: number;
}

export interface RenovationWaterTestResultForm {
  /**
   * 楼下检查: 已检查楼下住户顶板，无渗漏
   */
  checkedBelow: true;
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

export interface RenovationWithdrawForm {
  /**
   * 原因
   */
  reason?: string;
}
