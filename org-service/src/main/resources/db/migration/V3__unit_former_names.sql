-- Names a unit had before (机构改革 2019: 县卫生和计划生育局 → 县卫生健康局), each with the day until which it
-- was used: 'name@YYYY-MM-DD|…'. Plans of earlier years name units by the names of their year.
alter table unit add column former_names text not null default '';
