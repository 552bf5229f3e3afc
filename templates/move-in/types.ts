/* eslint-disable */
// GENERATED from the forms and parameters of the "move-in" pack by `estateflow pack types` (json-schema-to-typescript).
// Do not edit: change the schemas and regenerate; a test fails when this file is stale.
export interface MoveInParameters {
  /**
   * 物业费至少预缴（月）: Property fee paid in advance, at least (months)
   */
  prepayMonths?: number;
  /**
   * 验房问题须整改后再交钥匙: Defects must be fixed before the keys are handed over (else they are tracked after)
   */
  rectifyBeforeHandover?: boolean;
  /**
   * 补资料提醒（天）: Remind about missing documents after (days)
   */
  documentsReminderDays?: number;
  /**
   * 整改提醒（天）: Remind about open defects after (days)
   */
  rectifyReminderDays?: number;
}

export interface MoveInAcceptAsIsForm {
  /**
   * 确认: 我同意先收房，剩余问题由物业跟踪整改
   */
  agree: true;
}

export interface MoveInAccessCardsForm {
  /**
   * 门禁卡
   *
   * @minItems 1
   * @maxItems 10
   */
  cards:
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ]
    | [
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        },
        {
          /**
           * 卡号
           */
          cardNo: string;
          /**
           * 持卡人
           */
          holderName: string;
        }
      ];
  /**
   * 门禁卡押金
   */
  cardDeposit?: number;
}

export interface MoveInAgreementForm {
  /**
   * 临时管理规约: 本人已阅读并同意遵守《临时管理规约》
   */
  agreed: true;
  /**
   * 签字页
   *
   * @minItems 1
   * @maxItems 3
   */
  signedCopy: [string] | [string, string] | [string, string, string];
}

export interface MoveInCancelForm {
  /**
   * 原因
   */
  reason?: string;
}

export interface MoveInDocumentsCheckForm {
  /**
   * 身份证: 已核验身份证原件，与预约人一致
   */
  idCardChecked: true;
  /**
   * 合同: 已核验购房合同（租户：租赁合同及业主同意书）
   */
  contractChecked: true;
  /**
   * 资料复印件
   *
   * @maxItems 10
   */
  copies?:
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

export interface MoveInDocumentsMissingForm {
  /**
   * 需补充的资料
   */
  missing: string;
}

export interface MoveInFeesForm {
  /**
   * 预缴物业费月数
   */
  propertyFeeMonths: number;
  /**
   * 物业费金额
   */
  propertyFeeAmount: number;
  /**
   * 其他费用（装修押金除外）
   */
  otherFees?: number;
  /**
   * 支付方式
   */
  method: ('wechat' | 'alipay' | 'card' | 'transfer') & string;
  /**
   * 收据号
   */
  receiptNo: string;
}

export interface MoveInJointInspectionForm {
  /**
   * 发现的问题（无则留空）
   *
   * @maxItems 50
   */
  defects: {
    /**
     * 位置
     */
    location: string;
    /**
     * 问题描述
     */
    description: string;
    /**
     * 类别
     */
    category?: ('plumbing_electric' | 'doors_windows' | 'pipes' | 'other') & string;
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
  }[];
  /**
   * 业主在场: 业主已在场共同验房
   */
  ownerPresent: true;
}

export interface MoveInKeysForm {
  /**
   * 钥匙（套）
   */
  keySets: number;
  /**
   * 水表读数（m³）
   */
  waterMeter: number;
  /**
   * 电表读数（kWh）
   */
  electricityMeter: number;
  /**
   * 燃气表读数（m³）
   */
  gasMeter?: number;
  /**
   * 表计照片
   *
   * @minItems 1
   * @maxItems 6
   */
  meterPhotos:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string];
  /**
   * 交接日期
   */
  handedOverOn: string;
  /**
   * 签收: 业主已签收钥匙并确认读数
   */
  ownerSigned: true;
}

export interface MoveInReinspectionForm {
  /**
   * 复验情况
   */
  remarks?: string;
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

export interface MoveInRescheduleForm {
  /**
   * 新的预约时间
   */
  appointmentAt: string;
}

export interface MoveInResubmitForm {
  /**
   * 资料
   *
   * @minItems 1
   * @maxItems 10
   */
  documents:
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
  /**
   * 说明
   */
  note?: string;
}

export interface MoveInStartForm {
  /**
   * 入住类型
   */
  residentType: ('owner' | 'tenant') & string;
  /**
   * 房号
   */
  unitId: string;
  /**
   * 姓名
   */
  residentName: string;
  /**
   * 手机号
   */
  residentPhone: string;
  /**
   * 身份证号
   */
  idNumber: string;
  /**
   * 预约时间
   */
  appointmentAt: string;
  /**
   * 入住人数
   */
  householdSize?: number;
  /**
   * 购房合同编号
   */
  purchaseContractNo?: string;
  /**
   * 租期
   */
  leaseRange?: string;
  /**
   * 租赁合同
   *
   * @maxItems 5
   */
  leaseContract?:
    | []
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string];
  /**
   * 业主同意书
   *
   * @maxItems 3
   */
  ownerConsent?: [] | [string] | [string, string] | [string, string, string];
}
