#!/usr/bin/env python3
"""Synthetic county for the task-service benchmark: 100 units and a 10,000-row 任务分解表 (TSV).

Usage: generate.py OUT.tsv [ROWS]
Unit names are 单位001…单位100 (the fake org-service of this folder resolves them); every row
names 1–3 units, a real-looking requirement and one of the real 时限要求 texts; a quarter of the
rows leave 责任单位/时限 blank (same as the row above), as real tables do.
"""
import random
import sys

DEADLINES = ["2023年12月底前", "长期坚持", "信息形成或变更之日起20个工作日内公开", "及时公开", "按季度",
             "决策文件出台后的10个工作日内", "2023年10月底前"]


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rnd = random.Random(2023)
    with open(out, "w", encoding="utf-8") as f:
        f.write("序号\t工作任务\t\t工作要求\t责任单位\t时限要求\n")
        for i in range(1, rows + 1):
            cat1 = "推进重点领域信息公开%d" % (i // 500) if i % 500 == 1 else ""
            cat2 = "围绕第%d项工作强化公开" % (i // 50) if i % 50 == 1 else ""
            requirement = "第%d项：聚焦重点工作任务，加强相关政策的公开和解读，做好信息发布、解读回应和公众参与工作。" % i
            if i > 1 and rnd.random() < 0.25:
                units, deadline = "", ""
            else:
                units = "、".join("单位%03d" % u for u in rnd.sample(range(1, 101), rnd.randint(1, 3)))
                deadline = rnd.choice(DEADLINES)
            f.write("%d\t%s\t%s\t%s\t%s\t%s\n" % (i, cat1, cat2, requirement, units, deadline))


if __name__ == "__main__":
    main()
