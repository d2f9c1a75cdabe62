from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import Role
from kaohe.workdays import actions
from kaohe.workdays.calendar import PACKAGE_YEARS, covered
from kaohe.workdays.forms import HolidayForm
from kaohe.workdays.models import Holiday

can_manage_holidays = (Role.SYSTEM_ADMIN,)


@role_required(*can_manage_holidays)
def holidays(request: HttpRequest) -> HttpResponse:
    form = HolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            days = actions.declare_days(
                request.user, data["first"], data["last"], data["name"], data["is_working_day"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已录入 {len(days)} 天")
            return redirect("workdays:holidays")
    this_year = timezone.localdate().year
    years = range(this_year - 1, this_year + 4)
    return render(
        request,
        "workdays/holidays.html",
        {
            "form": form,
            "days": Holiday.objects.filter(date__year__gte=this_year - 1),
            "package_years": f"{PACKAGE_YEARS.start}–{PACKAGE_YEARS.stop - 1}",
            "uncovered": [year for year in years if not covered(year)],
        },
    )


@require_POST
@role_required(*can_manage_holidays)
def remove(request: HttpRequest, holiday_id: int) -> HttpResponse:
    holiday = get_object_or_404(Holiday, pk=holiday_id)
    actions.remove_day(request.user, holiday.pk)
    messages.success(request, f"已删除 {holiday}")
    return redirect("workdays:holidays")
