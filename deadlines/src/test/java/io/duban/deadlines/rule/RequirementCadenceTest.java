package io.duban.deadlines.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every distinct cadence wording of the 2023 常态化工作任务清单, and the general forms beside it. */
class RequirementCadenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            按月公开财政收支及增减变化情况。                                  | {"kind":"RECURRING","frequency":"MONTHLY","interval":1}
            按月发布本地区环境空气质量状况。                                  | {"kind":"RECURRING","frequency":"MONTHLY","interval":1}
            每月10日前公开上月情况。                                          | {"kind":"RECURRING","frequency":"MONTHLY","interval":1,"dueDay":10}
            按季度公开国有企业主要经济效益指标、主要行业盈利、重大变化事项等情况。 | {"kind":"RECURRING","frequency":"QUARTERLY","interval":1}
            按季度向社会公开饮用水水源水质状况。                              | {"kind":"RECURRING","frequency":"QUARTERLY","interval":1}
            每季度召开联席会议                                                | {"kind":"RECURRING","frequency":"QUARTERLY","interval":1}
            每半年公开一次                                                    | {"kind":"RECURRING","frequency":"MONTHLY","interval":6}
            于每年1月31日前公开本地区所有行政执法主体上年度行政执法总体情况有关数据。 | {"kind":"RECURRING","frequency":"YEARLY","interval":1,"dueMonth":1,"dueDay":31}
            每年3月底前公开                                                   | {"kind":"RECURRING","frequency":"YEARLY","interval":1,"dueMonth":3,"dueDay":31}
            发布本级政府行政规范性文件清理结果（至少每隔 2 年清理一次）。       | {"kind":"RECURRING","frequency":"YEARLY","interval":2}
            每两年评估一次                                                    | {"kind":"RECURRING","frequency":"YEARLY","interval":2}
            检查政务新媒体的更新频率和功能可用性,确保至少2周内更新一次信息。    | {"kind":"RECURRING","frequency":"EVERY_N_WEEKS","interval":2}
            每周更新                                                          | {"kind":"RECURRING","frequency":"EVERY_N_WEEKS","interval":1}
            及时公开国有企业经营情况和业绩考核结果。                          | {"kind":"ASAP"}
            发布本地区执行的全国性行政事业性收费目录清单并及时更新。          | {"kind":"ASAP"}
            向社会及时公布最新的本区域内公办幼儿园名单。                      | {"kind":"ASAP"}
            在招生工作结束后及时公开招生结果。                                | {"kind":"ASAP"}
            及时回应涉及本地区的政务舆情，对于涉及特别重大、重大突发事件的政务舆情，要在 5 个小时内发布权威信息 | {"kind":"ASAP"}
            定期发布本地区经济社会发展统计数据及分析解读信息。                | {"kind":"ONGOING"}
            按定期公开本区域经济困难老年人生活补贴、护理补贴                  | {"kind":"ONGOING"}
            常态化公开本级政府全体会议、常务会会议召开情况和主要内容。        | {"kind":"ONGOING"}
            在政府网站政府信息公开专栏中集中发布政府及部门行政规范性文件。    | {"kind":"ONGOING"}
            保留至少近2年的公务员招考信息，根据有关要求链接至相应栏目。        | {"kind":"ONGOING"}
            发布本地区 2022 年国民经济和社会发展统计公报。                    | {"kind":"ONGOING"}
            办理不及时、结果不明确的，要督促整改。                            | {"kind":"ONGOING"}
            """)
    void cadenceComesFromTheRequirement(String requirement, String expectedJson) {
        assertEquals(expectedJson, DeadlineRules.toJson(RequirementCadence.of(requirement)));
    }
}
