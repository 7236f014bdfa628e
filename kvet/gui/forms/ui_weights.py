# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'weights.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableView, QToolButton, QVBoxLayout)

class Ui_WeightsPanel(object):
    def setupUi(self, WeightsPanel):
        if not WeightsPanel.objectName():
            WeightsPanel.setObjectName(u"WeightsPanel")
        self.panelLayout = QVBoxLayout(WeightsPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.introLabel = QLabel(WeightsPanel)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.panelLayout.addWidget(self.introLabel)

        self.slidersGroup = QGroupBox(WeightsPanel)
        self.slidersGroup.setObjectName(u"slidersGroup")
        self.slidersForm = QFormLayout(self.slidersGroup)
        self.slidersForm.setObjectName(u"slidersForm")

        self.panelLayout.addWidget(self.slidersGroup)

        self.dealbreakersGroup = QGroupBox(WeightsPanel)
        self.dealbreakersGroup.setObjectName(u"dealbreakersGroup")
        self.dealbreakersLayout = QVBoxLayout(self.dealbreakersGroup)
        self.dealbreakersLayout.setObjectName(u"dealbreakersLayout")

        self.panelLayout.addWidget(self.dealbreakersGroup)

        self.costGroup = QGroupBox(WeightsPanel)
        self.costGroup.setObjectName(u"costGroup")
        self.costForm = QFormLayout(self.costGroup)
        self.costForm.setObjectName(u"costForm")
        self.budgetCheck = QCheckBox(self.costGroup)
        self.budgetCheck.setObjectName(u"budgetCheck")

        self.costForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.budgetCheck)

        self.budgetLabel = QLabel(self.costGroup)
        self.budgetLabel.setObjectName(u"budgetLabel")

        self.costForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.budgetLabel)

        self.budgetSpin = QDoubleSpinBox(self.costGroup)
        self.budgetSpin.setObjectName(u"budgetSpin")
        self.budgetSpin.setDecimals(0)
        self.budgetSpin.setMaximum(10000000.000000000000000)
        self.budgetSpin.setSingleStep(500.000000000000000)
        self.budgetSpin.setValue(10000.000000000000000)

        self.costForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.budgetSpin)

        self.inductionLabel = QLabel(self.costGroup)
        self.inductionLabel.setObjectName(u"inductionLabel")
        self.inductionLabel.setWordWrap(True)

        self.costForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.inductionLabel)

        self.inductionSpin = QSpinBox(self.costGroup)
        self.inductionSpin.setObjectName(u"inductionSpin")
        self.inductionSpin.setMaximum(100)
        self.inductionSpin.setValue(6)

        self.costForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.inductionSpin)

        self.maintenanceLabel = QLabel(self.costGroup)
        self.maintenanceLabel.setObjectName(u"maintenanceLabel")

        self.costForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.maintenanceLabel)

        self.maintenanceSpin = QDoubleSpinBox(self.costGroup)
        self.maintenanceSpin.setObjectName(u"maintenanceSpin")
        self.maintenanceSpin.setDecimals(1)
        self.maintenanceSpin.setMaximum(31.000000000000000)
        self.maintenanceSpin.setSingleStep(0.500000000000000)
        self.maintenanceSpin.setValue(1.000000000000000)

        self.costForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.maintenanceSpin)


        self.panelLayout.addWidget(self.costGroup)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.advancedButton = QToolButton(WeightsPanel)
        self.advancedButton.setObjectName(u"advancedButton")
        self.advancedButton.setCheckable(True)
        self.advancedButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advancedButton.setArrowType(Qt.ArrowType.RightArrow)

        self.buttonsLayout.addWidget(self.advancedButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.resetButton = QPushButton(WeightsPanel)
        self.resetButton.setObjectName(u"resetButton")

        self.buttonsLayout.addWidget(self.resetButton)


        self.panelLayout.addLayout(self.buttonsLayout)

        self.advancedView = QTableView(WeightsPanel)
        self.advancedView.setObjectName(u"advancedView")

        self.panelLayout.addWidget(self.advancedView)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.panelLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.budgetLabel.setBuddy(self.budgetSpin)
        self.inductionLabel.setBuddy(self.inductionSpin)
        self.maintenanceLabel.setBuddy(self.maintenanceSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(WeightsPanel)

        QMetaObject.connectSlotsByName(WeightsPanel)
    # setupUi

    def retranslateUi(self, WeightsPanel):
        self.introLabel.setText(QCoreApplication.translate("WeightsPanel", u"Move a slider to say how much each part matters to you. The ranking updates as you move it.", None))
        self.slidersGroup.setTitle(QCoreApplication.translate("WeightsPanel", u"How much each part matters", None))
        self.dealbreakersGroup.setTitle(QCoreApplication.translate("WeightsPanel", u"Dealbreakers: a clinic with one of these is not recommended", None))
        self.costGroup.setTitle(QCoreApplication.translate("WeightsPanel", u"Cost", None))
        self.budgetCheck.setText(QCoreApplication.translate("WeightsPanel", u"Score clinics against m&y budget", None))
        self.budgetLabel.setText(QCoreApplication.translate("WeightsPanel", u"Bu&dget for the first year:", None))
#if QT_CONFIG(accessibility)
        self.budgetSpin.setAccessibleName(QCoreApplication.translate("WeightsPanel", u"Budget for the first year", None))
#endif // QT_CONFIG(accessibility)
        self.budgetSpin.setPrefix(QCoreApplication.translate("WeightsPanel", u"$ ", None))
        self.inductionLabel.setText(QCoreApplication.translate("WeightsPanel", u"Sessions in the first phase, if the clinic did not say:", None))
#if QT_CONFIG(accessibility)
        self.inductionSpin.setAccessibleName(QCoreApplication.translate("WeightsPanel", u"Sessions in the first phase", None))
#endif // QT_CONFIG(accessibility)
        self.maintenanceLabel.setText(QCoreApplication.translate("WeightsPanel", u"Sessions a month after that:", None))
#if QT_CONFIG(accessibility)
        self.maintenanceSpin.setAccessibleName(QCoreApplication.translate("WeightsPanel", u"Sessions a month after the first phase", None))
#endif // QT_CONFIG(accessibility)
        self.advancedButton.setText(QCoreApplication.translate("WeightsPanel", u"Advanced: weight of each &question", None))
        self.resetButton.setText(QCoreApplication.translate("WeightsPanel", u"Reset to the &usual weights", None))
#if QT_CONFIG(accessibility)
        self.advancedView.setAccessibleName(QCoreApplication.translate("WeightsPanel", u"Weight of each question", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.advancedView.setAccessibleDescription(QCoreApplication.translate("WeightsPanel", u"Change how much a single question counts. 0 means it does not count.", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

